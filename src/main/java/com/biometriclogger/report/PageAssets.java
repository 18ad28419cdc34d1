package com.biometriclogger.report;

import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The page's only style and script, inline, and the Content-Security-Policy that allows exactly
 * these two by hash and nothing else: no network load of any kind, no other script (so markup that
 * slipped past escaping still could not run), no inline event handler.
 */
final class PageAssets {

    private PageAssets() {
    }

    static final String STYLE = """
            body{font:13px/1.4 "DejaVu Sans",Arial,sans-serif;margin:16px 20px;color:#1a1a1a;background:#fff}
            h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:20px 0 6px;border-bottom:1px solid #ccc}
            .made{color:#555;font-size:12px;margin:0 0 10px;word-break:break-all}
            .result{font-size:18px;font-weight:bold;padding:8px 12px;border-radius:4px;display:flex;gap:8px;align-items:center}
            .result.ok{background:#e6f4ea;color:#1e5e2a}.result.bad{background:#fde7e7;color:#9b1c1c}
            .result.partial{background:#fff4d6;color:#7a4b00}
            .checks{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4px 24px;margin-top:8px}
            .checks ul{margin:2px 0;padding-left:18px}.checks h3{font-size:13px;margin:4px 0}
            .icon{vertical-align:-3px;flex:none}
            ol.hours{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0}
            .hour{border:2px solid #8bc34a;background:#f1f8e9;border-radius:4px;padding:4px 6px;min-width:120px;font-size:12px}
            .hour b{display:block}.hour.open{border-color:#9e9e9e;background:#f5f5f5}
            .hour.late{border-color:#f0a500;background:#fff4d6}
            .hour.missing,.hour.bad{border-color:#c62828;background:#fde7e7;border-width:3px}
            .flag{color:#9b1c1c;font-weight:bold}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:3px 5px;text-align:left;vertical-align:top}
            th{background:#f3f3f3;font-size:12px}th[data-sort]{cursor:pointer}
            td.time{white-space:nowrap}td.about{word-break:break-all;width:34%}
            td.key{word-break:break-all;max-width:260px;font-family:"DejaVu Sans Mono",monospace;font-size:12px}
            tr.bad td{background:#fde7e7}tr.bad td:first-child{border-left:6px solid #c62828}
            tr.good td:first-child{border-left:6px solid #8bc34a}
            .AUTHORIZED{color:#1e5e2a;font-weight:bold}.UNAUTHORIZED,.REJECTED{color:#9b1c1c;font-weight:bold}
            .fail{color:#9b1c1c;font-weight:bold}.dim{color:#666}
            #filters{margin:6px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
            .biometric{background:#fff4d6;color:#7a4b00;font-weight:bold;padding:6px 10px;margin:0 0 8px;border-radius:4px}
            .biometric .dim{font-weight:normal;display:block}
            figure.shot{margin:0 0 6px}figure.shot svg{display:block;background:#eee}figcaption{font-size:11px}
            .box{fill:none;stroke-width:2}.box.judged{stroke:#00c853}.box.other{stroke:#ffd600;stroke-dasharray:4 3}
            """;

    static final String SCRIPT = """
            (function () {
              var bar = document.getElementById('filters');
              var body = document.querySelector('#decisions tbody');
              if (!bar || !body) { return; }
              bar.hidden = false;
              var rows = Array.prototype.slice.call(body.rows);
              function value(id) { return document.getElementById(id).value.toLowerCase(); }
              function apply() {
                var subject = value('f-subject'), decision = value('f-decision'), reason = value('f-reason');
                var onlyFindings = document.getElementById('f-findings').checked, shown = 0;
                rows.forEach(function (row) {
                  var d = row.dataset;
                  var show = d.subject.toLowerCase().indexOf(subject) >= 0
                    && (decision === '' || d.decision.toLowerCase() === decision)
                    && d.reasons.toLowerCase().indexOf(reason) >= 0 && (!onlyFindings || d.findings !== '0');
                  row.hidden = !show;
                  if (show) { shown++; }
                });
                document.getElementById('f-count').textContent = shown + ' of ' + rows.length + ' shown';
              }
              bar.addEventListener('input', apply);
              bar.addEventListener('change', apply);
              document.querySelectorAll('#decisions th[data-sort]').forEach(function (th) {
                th.addEventListener('click', function () {
                  var key = th.dataset.sort;
                  rows.sort(function (a, b) { return a.dataset[key] < b.dataset[key] ? -1 : a.dataset[key] > b.dataset[key] ? 1 : 0; });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
              apply();
            })();
            """;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + hash(STYLE) + "; script-src "
            + hash(SCRIPT) + "; img-src data:; base-uri 'none'; form-action 'none'";

    /** Decorative marks beside the words that say the same (a finding is never shown by colour alone). */
    static final String BAD_ICON = "<svg class=\"icon\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">"
            + "<circle cx=\"8\" cy=\"8\" r=\"8\" fill=\"#c62828\"/><rect x=\"7\" y=\"3\" width=\"2\" height=\"7\" fill=\"#fff\"/>"
            + "<rect x=\"7\" y=\"11.5\" width=\"2\" height=\"2\" fill=\"#fff\"/></svg>";
    static final String OK_ICON = "<svg class=\"icon\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">"
            + "<circle cx=\"8\" cy=\"8\" r=\"8\" fill=\"#2e7d32\"/>"
            + "<path d=\"M4 8.5l2.6 2.6 5.2-5.6\" stroke=\"#fff\" stroke-width=\"2\" fill=\"none\"/></svg>";
    static final String WARN_ICON = "<svg class=\"icon\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">"
            + "<path d=\"M8 0.5L15.5 15H0.5z\" fill=\"#f0a500\"/><rect x=\"7\" y=\"5\" width=\"2\" height=\"5.5\" fill=\"#000\"/>"
            + "<rect x=\"7\" y=\"12\" width=\"2\" height=\"2\" fill=\"#000\"/></svg>";

    /** A CSP source for an inline block: the SHA-256 of its exact text. */
    private static String hash(String inline) {
        return "'sha256-" + Base64.getEncoder().encodeToString(Sha256.newDigest().digest(inline.getBytes(StandardCharsets.UTF_8)))
                + "'";
    }
}
