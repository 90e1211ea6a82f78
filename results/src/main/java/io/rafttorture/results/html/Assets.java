package io.rafttorture.results.html;

/** The page's inline stylesheet and script (the page loads nothing from the network). */
final class Assets {
    private Assets() {
    }

    static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0 1.5em 3em;color:#222}
            h1{margin:.6em 0 .2em}h2{margin:1.2em 0 .3em;border-bottom:1px solid #ccc}
            nav{position:sticky;top:0;background:#fff;padding:.3em 0;border-bottom:1px solid #ddd;z-index:2}
            nav a{margin-right:1em}
            .verdict{padding:.1em .5em;border-radius:4px;color:#fff;background:#777}
            .v-VALID{background:#2e7d32}.v-INVALID{background:#c62828}.v-UNKNOWN{background:#ef8f00}
            .explanation{font-weight:600}.note{color:#555}.facts{color:#444}
            table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #ddd;padding:1px 6px;text-align:left}
            table.options th{font-weight:500;background:#f6f6f6}
            .exchanges td{text-align:right;white-space:nowrap}td.refused{background:#fdecea}td.self{color:#bbb}
            td.anomaly{background:#f8c4bd;font-weight:bold}p.anomaly{color:#a61b0f}
            tr.uncommitted{color:#999}tr.elided td{text-align:center;color:#777;font-style:italic}
            .worksheet{border:1px solid #ccc;border-radius:6px;padding:0 1em 1em;margin:1em 0}
            .worksheets{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:0 1em}
            .scroll{overflow-x:auto;border:1px solid #ddd}
            #timeline-svg{display:block;font:10px sans-serif}
            #timeline-svg .grid{stroke:#e4e4e4}
            .ok{fill:#3a9a4a}.fail{fill:url(#pat-fail)}.info{fill:url(#pat-info)}.open{fill:url(#pat-info);opacity:.6}
            .conc{stroke:#000;stroke-width:.8}.failing{stroke:#d00000;stroke-width:2.5}
            .window{fill:#ffd60a;opacity:.35}.fault{opacity:.14}
            .f-partition{fill:#2f64c8}.f-kill{fill:#d03030}.f-pause{fill:#8a3ad0}.f-other{fill:#777}
            .flabel{fill:#333;font-size:9px}
            .r-LEADER{fill:#2e7d32}.r-FOLLOWER{fill:#b8c7d0}.r-CANDIDATE{fill:#ef9f27}.r-DOWN{fill:url(#pat-down)}
            .role{stroke:#fff;stroke-width:.3}.term{fill:#000;font-size:9px;pointer-events:none}
            .failing-marker{fill:#d00000}
            #focus-svg{display:block;font:10px sans-serif}.op-text{fill:#000;font-size:10px;pointer-events:none}
            #timeline-svg text.on-dark,#focus-svg text.on-dark{fill:#fff}
            .paused{fill:url(#pat-pause)}.violation{fill:#e00000;stroke:#000}
            .swatch{display:inline-block;width:1.6em;height:.9em;vertical-align:middle;margin:0 .3em 0 1em;
              border:1px solid #999}
            :target{outline:3px solid #d00000}
            img.chart{max-width:100%;border:1px solid #ddd}
            """;

    static final String JS = """
            (function(){
              var svg=document.getElementById('timeline-svg'); if(!svg) return;
              var base=svg.viewBox.baseVal.width, zoom=1;
              function apply(){svg.setAttribute('width', base*zoom);}
              document.querySelectorAll('[data-zoom]').forEach(function(b){
                b.addEventListener('click',function(){zoom=Math.max(1,zoom*parseFloat(b.dataset.zoom));apply();});
              });
              function reveal(){
                var id=location.hash.slice(1), el=id && document.getElementById(id);
                if(!el || !svg.contains(el)) return;
                var box=el.getBBox(), scroll=svg.parentNode;
                scroll.scrollLeft=Math.max(0, box.x*svg.clientWidth/base - scroll.clientWidth/2);
                scroll.scrollIntoView({block:'center'});
              }
              window.addEventListener('hashchange',reveal); reveal();
            })();
            """;
}
