namespace Muster.Reports.Html;

/// <summary>The page's inline style sheet and script (no external resource of any kind).</summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root{--crit:#b3001b;--high:#e4572e;--med:#f0a202;--low:#2e86ab;--info:#8d99ae;--ok:#2b9348;--ink:#1d1d1f;--muted:#6b7280;--line:#e5e7eb}
        *{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:0 24px 24px}
        h1{font-size:22px;margin:12px 0 4px}h2{font-size:18px;margin:22px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
        summary h2{display:inline;border:0;margin:0;padding:0}section{margin-top:18px}
        .meta,.note,.muted,footer{color:var(--muted)}.stop,.warn-text{color:var(--high)}
        code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
        a{color:#1d4ed8}a code{color:inherit}
        table{border-collapse:collapse;width:100%;margin:8px 0;table-layout:fixed}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#f9fafb;font-weight:600}td ul{margin:0;padding-left:16px}
        .msg{color:#374151;white-space:pre-wrap}.fix{color:var(--ok);margin-top:2px}.why{margin:4px 0}.docs{margin:2px 0 6px}
        .sev,.gate,.state{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
        .sev.critical{background:var(--crit)}.sev.high{background:var(--high)}.sev.medium{background:var(--med);color:#000}.sev.low{background:var(--low)}.sev.info{background:var(--info)}
        .state{background:#e5e7eb;color:#111;font-weight:500}.state.new{background:#fde68a}.state.fixed{background:#bbf7d0}.state.suppressed{background:#e0e7ff}.state.unverified{background:#fecaca}
        .gate.passed{background:var(--ok)}.gate.failed{background:var(--crit)}.gate.not-evaluated{background:var(--med);color:#000}.gate.off{background:var(--info)}.gate.warn{background:var(--high);color:#000}
        .bar{position:sticky;top:0;z-index:10;background:#fff;border-bottom:1px solid var(--line);padding:8px 0;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
        .verdict{font-weight:700;padding:2px 8px;border-radius:4px;border-left:6px solid var(--info)}.verdict.bad{border-color:var(--crit)}.verdict.warn{border-color:var(--med)}.verdict.good{border-color:var(--ok)}
        .views button{font:inherit;font-size:12px;padding:2px 8px;border:1px solid #9ca3af;background:#fff;border-radius:12px;cursor:pointer}.views button[aria-pressed=true]{background:var(--ink);color:#fff}
        .jump{margin-left:auto;font-size:12px}.jump a{margin-left:6px}
        details.rule{border:1px solid var(--line);border-radius:6px;margin:4px 0}details.rule>summary{padding:5px 8px;cursor:pointer;display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
        details.rule>summary::before{content:"▸";color:var(--muted)}details.rule[open]>summary::before{content:"▾"}details.rule>summary::-webkit-details-marker{display:none}
        .rule-title{font-weight:600}.count{color:var(--muted);font-size:12px}.rule-id{margin-left:auto}.rule-body{padding:0 10px 8px 24px}
        .gap-list{list-style:none;margin:0;padding:0}.gap{border-top:1px solid var(--line);padding:6px 0}.gap-id{color:var(--muted)}.gap .meta{font-size:12px}
        .where{margin-top:2px}.advisories{margin-top:2px}details.more{display:inline}details.more>summary{display:inline;cursor:pointer;color:#1d4ed8;font-size:12px}
        pre.evidence{margin:4px 0;padding:4px 6px;background:#f9fafb;border:1px solid var(--line);border-radius:4px;font:12px ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
        pre.evidence .ln{display:inline-block;min-width:3em;color:var(--muted);user-select:none}pre.evidence .hit{background:#fef3c7}
        details.fold>summary,details.priority>summary{cursor:pointer;padding:4px 0}details.priority>summary{font-weight:600}
        col.c-sev{width:90px}col.c-where{width:24%}col.c-rule{width:18%}col.c-agent{width:11%}table.gates td:first-child{width:15%}
        table.actions th:nth-child(2){width:26%}table.actions th:nth-child(3){width:13%}table.actions th:nth-child(4){width:8%}table.actions th:nth-child(5){width:12%}
        svg.chart{width:100%;height:auto;font-size:12px;margin:6px 0}svg text{fill:var(--ink)}svg text.muted{fill:var(--muted)}svg text.unverified{fill:var(--high);font-style:italic}
        .sev-fill.critical{fill:var(--crit)}.sev-fill.high{fill:var(--high)}.sev-fill.medium{fill:var(--med)}.sev-fill.low{fill:var(--low)}.sev-fill.info{fill:var(--info)}
        .wave-band.w0{fill:#f3f4f6}.wave-band.w1{fill:#e9eef6}.wave-label{font-weight:600}
        .agent-bar{fill:var(--info)}.agent-bar.succeeded{fill:var(--ok)}.agent-bar.failed,.agent-bar.timed-out{fill:var(--crit)}.agent-bar.cancelled{fill:#6b7280}.agent-bar.running,.agent-bar.overdue{fill:var(--low)}.agent-bar.skipped{fill:#d1d5db}
        .agent-bar.overdue{stroke:var(--med);stroke-width:3;stroke-dasharray:6 3}
        .configured{fill:#9ca3af}.deployed{fill:var(--ok)}
        #gaps svg.chart{max-height:150px}
        .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0}.filters select,.filters input{font:inherit;padding:3px 6px}
        tr.hidden{display:none}.empty-view{display:none}.empty-view.shown{display:block}
        .view-new .gap:not([data-state=new]),.view-new details.rule:not([data-states~=new]),.view-new table.actions tr[data-state=persisting]{display:none}
        .view-all details.gone,.view-gone details.rule:not(.gone){display:none}
        @media print{body{max-width:none;padding:0;font-size:11px}.filters,.bar .views,.bar .jump{display:none}.bar{position:static}tr.hidden{display:table-row}.gap,details.rule{display:block!important}h2{break-after:avoid}a{color:inherit}}
        """;

    // Filters and views only toggle classes on what the server rendered; no text from the run is ever parsed as markup.
    public const string Script = """
        (function(){
          var body=document.body;
          function showView(v){
            body.classList.remove('view-new','view-all','view-gone');body.classList.add('view-'+v);
            Array.prototype.forEach.call(document.querySelectorAll('.views button'),function(b){b.setAttribute('aria-pressed',b.getAttribute('data-view')===v?'true':'false');});
            var any=Array.prototype.some.call(document.querySelectorAll('#gaps details.rule'),function(d){return d.offsetParent!==null;});
            var empty=document.querySelector('#gaps .empty-view');if(empty)empty.classList.toggle('shown',!any);
          }
          Array.prototype.forEach.call(document.querySelectorAll('.views button'),function(b){b.addEventListener('click',function(){showView(b.getAttribute('data-view'));});});
          function reveal(){
            var id=decodeURIComponent(location.hash.slice(1));if(!id)return;var el=document.getElementById(id);if(!el)return;
            if(el.offsetParent===null&&el.classList.contains('gap'))showView('all');
            for(var p=el.parentElement;p;p=p.parentElement){if(p.tagName==='DETAILS')p.open=true;}
            el.scrollIntoView();
          }
          window.addEventListener('hashchange',reveal);
          var current=(body.className.match(/view-(\w+)/)||[])[1]||'all';showView(current);reveal();
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
