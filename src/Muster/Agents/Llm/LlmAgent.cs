using System.ClientModel;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Muster.Formats;
using Muster.Model;

namespace Muster.Agents.Llm;

/// <summary>
/// An agent that is a language model with read-only tools (the seed's research, analysis and verification agents),
/// through any OpenAI-compatible endpoint. Its findings are claims until checked: each one's file, line and quote
/// must be found in the workspace, or it is dropped and counted as a rejected claim.
/// </summary>
internal sealed class LlmAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("llm", AgentRole.Analysis,
            "A language model with read-only workspace tools; its findings are kept only when their quotes check out.",
            () => new LlmAgent())
        {
            Settings = LlmSettings.Docs,
            ValidateSettings = s => LlmSettings.From(s),
            InDefaultPlan = false,
            ReadsUpstream = true,
            SoftTimeout = TimeSpan.FromMinutes(5),
            HardTimeout = TimeSpan.FromMinutes(20),
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var options = LlmOptions.FromContext(context);
        var budget = LlmBudget.For(context);
        budget.EnsureAvailable();

        var tools = new WorkspaceTools(context);
        var usage = new UsageTally(options.Price, budget);
        using var client = ChatClients.Create(options, context.Scrubber);
        var conversation = new LlmConversation(client, options, tools, usage, context);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, context.Scrubber.Scrub(options.Template.SystemPrompt + "\n" + RoleTemplates.OutputContract)),
            new(ChatRole.User, context.Scrubber.Scrub(TaskPrompt(context, options))),
        };

        ModelReply reply;
        try
        {
            reply = await conversation.RunAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Explain(e.Status, e, options, context);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientAgentException($"could not reach {options.BaseUrl}: {context.Scrubber.Scrub(e.Message)}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientAgentException($"no answer from {options.BaseUrl} within request-timeout ({DurationText.Format(options.Settings.RequestTimeout)})", e);
        }

        var verifier = new ClaimedFindingVerifier(new ConfinedFiles(context.Root), context.Scrubber, options.Settings.LineTolerance);
        var findings = new List<Finding>();
        var rejected = new List<RejectedClaim>();
        foreach (var claim in reply.Findings)
        {
            var (location, rejection) = verifier.Verify(claim);
            if (location is null)
            {
                rejected.Add(new RejectedClaim(claim.RuleId, claim.Path, claim.Line, rejection!));
                continue;
            }
            findings.Add(ToFinding(claim, location, options, context));
        }

        var metrics = new Dictionary<string, double>
        {
            ["tokens_in"] = usage.InputTokens,
            ["tokens_out"] = usage.OutputTokens,
            ["model_calls"] = usage.Calls,
            ["tool_calls"] = tools.Calls,
            ["bytes_read"] = tools.BytesRead,
            ["claimed_findings"] = reply.Findings.Count,
            ["verified_findings"] = findings.Count,
            ["rejected_claims"] = rejected.Count,
            ["repairs"] = conversation.Repairs,
        };
        if (usage.CostMeasured) metrics["cost_usd"] = (double)usage.CostUsd;
        var artifacts = new List<Artifact>();
        if (rejected.Count > 0) artifacts.Add(new Artifact("rejected-claims.md", "text/markdown", RejectedTable(rejected, context)));
        return new AgentResult
        {
            Findings = findings,
            Artifacts = artifacts,
            Summary = Summary(reply, findings.Count, rejected, usage, options, context),
            Metrics = metrics,
        };
    }

    private static string TaskPrompt(AgentContext context, LlmOptions options)
    {
        var prompt = new StringBuilder("Task: ").Append(options.Settings.Instructions.Trim()).Append("\n\n");
        prompt.Append("The audited root is the folder the tools read from; paths are relative to it.\n");
        if (context.Upstream.Count > 0)
        {
            prompt.Append("Earlier waves (read_upstream gives their summaries and findings):\n");
            foreach (var prior in context.Upstream)
            {
                prompt.Append($"- {prior.AgentId} ({prior.Kind}, {prior.State.ToLabel()}, {prior.Findings.Count} findings)\n");
            }
        }
        return prompt.ToString();
    }

    private static Finding ToFinding(ClaimedFinding claim, SourceLocation location, LlmOptions options, AgentContext context)
    {
        var scrub = context.Scrubber;
        var properties = new Dictionary<string, string>
        {
            ["model"] = options.Model,
            ["verified"] = "quote found in file",
        };
        if (location.Line != claim.Line) properties["claimed-line"] = claim.Line.ToString(CultureInfo.InvariantCulture);
        return new Finding
        {
            RuleId = claim.RuleId,
            Title = scrub.Scrub(claim.Title),
            Severity = claim.Severity,
            Category = claim.Category.Trim().ToLowerInvariant(),
            Message = scrub.Scrub(claim.Message),
            Location = location,
            Evidence = scrub.Scrub(claim.Quote.Trim()),
            Remediation = claim.Remediation is null ? null : scrub.Scrub(claim.Remediation),
            AgentId = context.AgentId,
            Properties = properties,
        }.WithDefaultFingerprint(string.Join(' ', claim.Quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    private static string Summary(ModelReply reply, int verified, List<RejectedClaim> rejected, UsageTally usage, LlmOptions options, AgentContext context)
    {
        var text = new StringBuilder(context.Scrubber.Scrub(reply.Summary.Trim()));
        if (text.Length > 0 && text[^1] != '.') text.Append('.');
        text.Append($" Verified {verified} of {reply.Findings.Count} claimed findings");
        if (rejected.Count > 0)
        {
            text.Append($"; {rejected.Count} rejected claims: ");
            text.Append(string.Join("; ", rejected.Take(10).Select(r => context.Scrubber.Scrub($"{r.RuleId} at {r.Path}:{r.Line} ({r.Reason})"))));
            if (rejected.Count > 10) text.Append($"; and {rejected.Count - 10} more");
        }
        text.Append($". {options.Model}: {usage.InputTokens:N0} tokens in, {usage.OutputTokens:N0} out");
        text.Append(usage.CostMeasured
            ? $", {LlmBudget.Usd(usage.CostUsd)}"
            : options.Price is null
                ? $", cost not measured (no price for '{options.Model}'; set pricing:)"
                : $", cost not measured ({usage.CallsWithoutUsage} of {usage.Calls} calls returned no usage)");
        return text.Append('.').ToString();
    }

    private static string RejectedTable(List<RejectedClaim> rejected, AgentContext context)
    {
        var table = new StringBuilder("| Rule | Path | Line | Why rejected |\n|---|---|---:|---|\n");
        foreach (var r in rejected)
        {
            table.Append(context.Scrubber.Scrub($"| {Cell(r.RuleId)} | {Cell(r.Path)} | {r.Line} | {Cell(r.Reason)} |")).Append('\n');
        }
        return table.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static Exception Explain(int status, ClientResultException e, LlmOptions options, AgentContext context)
    {
        var detail = context.Scrubber.Scrub(e.Message);
        return status switch
        {
            401 or 403 => new InvalidOperationException(
                $"{options.BaseUrl} refused the request (HTTP {status}): check the key in the variable named by api-key-env. {detail}", e),
            404 => new InvalidOperationException(
                $"{options.BaseUrl} answered HTTP 404: check base-url (usually ending in /v1) and that model '{options.Model}' exists there. {detail}", e),
            0 or 408 or 409 or 429 or >= 500 => new TransientAgentException($"{options.BaseUrl} failed (HTTP {status}): {detail}", e),
            _ => new InvalidOperationException($"{options.BaseUrl} rejected the request (HTTP {status}): {detail}", e),
        };
    }
}
