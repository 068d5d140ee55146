namespace Muster.Reports.Html;

/// <summary>The page's inline style sheet and script (no external resource of any kind).</summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root{--crit:#b3001b;--high:#e4572e;--med:#f0a202;--low:#2e86ab;--info:#8d99ae;--ok:#2b9348;--ink:#1d1d1f;--muted:#6b7280;--line:#e5e7eb}
        *{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:24px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
        .meta,.note,.muted,footer{color:var(--muted)}.stop,.warn-text{color:var(--high)}code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px;word-break:break-all}
        table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:#f9fafb;font-weight:600}
        td ul{margin:0;padding-left:16px}.msg{color:#374151;white-space:pre-wrap}.fix{color:var(--ok);margin-top:2px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:16px 0}
        .card{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:6px;padding:10px 12px}.card.bad{border-left-color:var(--crit)}.card.warn{border-left-color:var(--med)}.card.good{border-left-color:var(--ok)}
        .card-title{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}.card-value{font-size:24px;font-weight:700}.card-detail{font-size:12px;color:var(--muted)}
        .sev,.gate{display:inline-block;padding:1px 6px;border-radius:3px;color:#fff;font-size:12px;font-weight:600}
        .sev.critical{background:var(--crit)}.sev.high{background:var(--high)}.sev.medium{background:var(--med)}.sev.low{background:var(--low)}.sev.info{background:var(--info)}
        .gate.passed{background:var(--ok)}.gate.failed{background:var(--crit)}.gate.not-evaluated{background:var(--med);color:#000}.gate.off{background:var(--info)}
        svg.chart{width:100%;height:auto;font-size:12px;margin:6px 0}svg text{fill:var(--ink)}svg text.muted{fill:var(--muted)}svg text.unverified{fill:var(--high);font-style:italic}
        .sev-fill.critical{fill:var(--crit)}.sev-fill.high{fill:var(--high)}.sev-fill.medium{fill:var(--med)}.sev-fill.low{fill:var(--low)}.sev-fill.info{fill:var(--info)}
        .wave-band.w0{fill:#f3f4f6}.wave-band.w1{fill:#e9eef6}.wave-label{font-weight:600}
        .agent-bar{fill:var(--info)}.agent-bar.succeeded{fill:var(--ok)}.agent-bar.failed,.agent-bar.timed-out{fill:var(--crit)}.agent-bar.cancelled{fill:#6b7280}.agent-bar.running,.agent-bar.overdue{fill:var(--low)}.agent-bar.skipped{fill:#d1d5db}
        .agent-bar.overdue{stroke:var(--med);stroke-width:3;stroke-dasharray:6 3}
        .configured{fill:#9ca3af}.deployed{fill:var(--ok)}
        .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0}.filters select,.filters input{font:inherit;padding:3px 6px}
        tr.hidden{display:none}
        @media print{body{max-width:none;padding:0;font-size:11px}.filters{display:none}tr.hidden{display:table-row}section{break-inside:avoid-page}h2{break-after:avoid}.card{break-inside:avoid}a{color:inherit}}
        """;

    // Filters only toggle a class on rows rendered by the server; no text from the run is ever parsed as markup.
    public const string Script = """
        (function(){
          var table=document.getElementById('findings-table');if(!table)return;
          var sev=document.getElementById('filter-severity'),cat=document.getElementById('filter-category'),path=document.getElementById('filter-path'),count=document.getElementById('filter-count');
          var rows=Array.prototype.slice.call(table.tBodies[0].rows);
          function apply(){
            var s=sev.value,c=cat.value,p=path.value.trim().toLowerCase(),shown=0;
            rows.forEach(function(r){
              var ok=(!s||r.getAttribute('data-severity')===s)&&(!c||r.getAttribute('data-category')===c)&&(!p||r.getAttribute('data-path').toLowerCase().indexOf(p)>=0);
              r.classList.toggle('hidden',!ok);if(ok)shown++;
            });
            count.textContent=shown+' of '+rows.length+' shown';
          }
          sev.addEventListener('change',apply);cat.addEventListener('change',apply);path.addEventListener('input',apply);apply();
        })();
        """;
}
