/// The site's one stylesheet, `style.css`, written by hand.
///
/// A measure of about 70 characters; a serif for prose and a monospace for code, each with
/// fallbacks for Chinese, Japanese and Korean; light and dark schemes from the reader's
/// setting; code tokens coloured by Pygments' short classes; a print layout without
/// navigation. No web fonts but KaTeX's, which ship with the site.
enum Stylesheet {
    static let css = #"""
        /* Descent: the course site's stylesheet. */

        :root {
          color-scheme: light dark;
          --measure: 44rem;
          /* Code cells may be wider than the prose, on screens that have the room. */
          --wide: min(58rem, 100vw - 2.5rem);
          --sidebar: 15rem;
          --serif: "Iowan Old Style", "Charter", "Source Serif 4", "Noto Serif", "DejaVu Serif", Georgia,
            "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", "PMingLiU",
            "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif CJK JP", "Noto Serif CJK KR", serif;
          --sans: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, "Helvetica Neue", Arial,
            "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei",
            "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
          --mono: ui-monospace, "SF Mono", "JetBrains Mono", "Cascadia Code", "DejaVu Sans Mono", Menlo, Consolas,
            "Noto Sans Mono CJK TC", "Noto Sans Mono CJK SC", monospace;

          --text: #1f2328;
          --muted: #5c6370;
          --background: #fdfdfb;
          --surface: #f3f2ed;
          --border: #d9d6cc;
          --link: #1c55a6;
          --accent: #8a4b08;
          --failed: #a4161a;
          --failed-surface: #fbeaea;
          --note-surface: #fff6dc;
          --scroll-shadow: rgb(0 0 0 / 0.22);

          --code-comment: #6a737d;
          --code-keyword: #a3195b;
          --code-type: #1f5f8b;
          --code-function: #5b3fa0;
          --code-string: #1a7f37;
          --code-number: #b35900;
          --code-directive: #7d5b00;
        }

        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e6e4df;
            --muted: #a3a7ae;
            --background: #17191c;
            --surface: #22252a;
            --border: #3a3e45;
            --link: #8ab4f8;
            --accent: #f0b35a;
            --failed: #ff8a80;
            --failed-surface: #3a1d1d;
            --note-surface: #3a3220;
            --scroll-shadow: rgb(255 255 255 / 0.2);

            --code-comment: #8b949e;
            --code-keyword: #ff7ab2;
            --code-type: #6cc5f0;
            --code-function: #c7a6ff;
            --code-string: #7ee787;
            --code-number: #ffb86b;
            --code-directive: #e5c07b;
          }
        }

        *, *::before, *::after { box-sizing: border-box; }

        html {
          font-size: 100%;
          -webkit-text-size-adjust: 100%;
          text-size-adjust: 100%;
        }

        body {
          margin: 0;
          background: var(--background);
          color: var(--text);
          font-family: var(--serif);
          font-size: clamp(1.0625rem, 0.95rem + 0.4vw, 1.1875rem);
          line-height: 1.6;
          font-kerning: normal;
          font-variant-numeric: oldstyle-nums proportional-nums;
          text-rendering: optimizeLegibility;
          overflow-wrap: break-word;
        }

        :lang(zh), :lang(ja), :lang(ko) { line-height: 1.8; }

        main, .site-header, .site-footer {
          max-width: var(--measure);
          margin: 0 auto;
          padding: 0 1.25rem;
        }

        a { color: var(--link); text-underline-offset: 0.15em; text-decoration-thickness: 0.06em; }
        a:hover { text-decoration-thickness: 0.12em; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }

        .skip { position: absolute; left: -100vw; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--background); padding: 0.5rem; z-index: 1; }

        /* Site header and footer */

        .site-header { padding-top: 1.25rem; padding-bottom: 0.5rem; font-family: var(--sans); }
        .site-title { font-weight: 700; letter-spacing: 0.02em; color: var(--text); text-decoration: none; }
        .site-footer {
          margin-top: 4rem; padding-bottom: 2rem; border-top: 1px solid var(--border);
          color: var(--muted); font-family: var(--sans); font-size: 0.85rem;
        }

        /* Headings and prose */

        h1, h2, h3, h4, h5, h6 {
          font-family: var(--sans);
          line-height: 1.25;
          font-weight: 650;
          margin: 2.2em 0 0.6em;
          scroll-margin-top: 1rem;
        }
        h1 { font-size: 2.1em; margin-top: 0.4em; letter-spacing: -0.01em; }
        h2 { font-size: 1.45em; }
        h3 { font-size: 1.2em; }
        h4, h5, h6 { font-size: 1em; }

        p, ul, ol, blockquote, table, pre, figure { margin: 0 0 1.1em; }
        ul, ol { padding-left: 1.5em; }
        li + li { margin-top: 0.25em; }
        blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid var(--border); color: var(--muted); }
        hr { border: 0; border-top: 1px solid var(--border); margin: 2.5em 0; }
        img { max-width: 100%; height: auto; }
        table { border-collapse: collapse; display: block; overflow-x: auto; font-variant-numeric: lining-nums tabular-nums; }
        th, td { border: 1px solid var(--border); padding: 0.3em 0.6em; text-align: left; }

        .lesson-header { margin: 1.5rem 0 2rem; }
        .lesson-number { margin: 0; font-family: var(--sans); font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); }
        .summary { font-size: 1.1em; color: var(--muted); }

        /* Table of contents and pager */

        .toc {
          font-family: var(--sans); font-size: 0.92em;
          background: var(--surface); border-radius: 6px; padding: 0.8rem 1.2rem 0.6rem; margin-bottom: 2.5rem;
        }
        .toc h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 0.4rem; color: var(--muted); }
        .toc ol { margin: 0 0 0.3rem; padding-left: 1.3em; }
        .toc ol ol { margin: 0.2em 0; }

        .pager {
          display: flex; justify-content: space-between; gap: 1rem;
          margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); font-family: var(--sans);
        }
        .pager a { max-width: 48%; text-decoration: none; }
        .pager a[rel="next"] { text-align: right; margin-left: auto; }
        .pager-label { display: block; font-size: 0.8em; color: var(--muted); }
        .toc-more { margin: 0.4rem 0 0.2rem; font-size: 0.9em; }

        /* Course navigation: after the lesson on a narrow screen, beside it on a wide one */

        .sidebar {
          font-family: var(--sans); font-size: 0.92em;
          max-width: var(--measure); margin: 3rem auto 0; padding: 1rem 1.25rem 0; border-top: 1px solid var(--border);
        }
        .sidebar-title { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 0.5rem; }
        .sidebar-title a { color: var(--muted); text-decoration: none; }
        .sidebar ol { list-style: none; padding: 0; margin: 0; }
        .sidebar li + li { margin-top: 0.1em; }
        .sidebar a { display: block; padding: 0.2em 0.5em; border-radius: 4px; text-decoration: none; line-height: 1.35; }
        .sidebar a:hover { background: var(--surface); }
        .sidebar .lesson-number { display: inline-block; min-width: 1.3em; font-size: 1em; letter-spacing: 0; }
        .sidebar .current > a { background: var(--surface); color: var(--text); font-weight: 650; }
        .sidebar .current ol { margin: 0.2em 0 0.5em 1.3em; border-left: 2px solid var(--border); font-size: 0.95em; }

        @media (min-width: 64rem) {
          :root { --wide: min(58rem, 100vw - var(--sidebar) - 5rem); }
          .page { display: grid; grid-template-columns: var(--sidebar) minmax(0, 1fr); column-gap: 1.5rem; padding: 0 1.25rem; }
          .page > main { grid-column: 2; grid-row: 1; width: 100%; }
          .page > .sidebar {
            grid-column: 1; grid-row: 1; align-self: start; position: sticky; top: 0;
            max-height: 100vh; overflow-y: auto; margin: 0; padding: 1.25rem 0 1rem; border-top: 0;
          }
          .page .toc, body:has(> .page) > .site-header { display: none; }
        }

        /* Index */

        .course-header { margin: 2rem 0 2.5rem; }
        .introduction { font-size: 1.1em; color: var(--muted); }
        .lesson-list { list-style: none; padding: 0; }
        .lesson-list li { margin: 0 0 1.4em; }
        .lesson-list a { font-family: var(--sans); font-weight: 650; font-size: 1.15em; text-decoration: none; }
        .lesson-list .lesson-number { display: inline-block; min-width: 1.6em; color: var(--accent); }
        .lesson-list p { margin: 0.2em 0 0 1.6em; }

        /* Code, output, cells */

        code, pre, samp, kbd { font-family: var(--mono); font-size: 0.86em; font-variant-numeric: normal; }
        pre code, pre samp { font-size: 1em; }
        :not(pre) > code { background: var(--surface); border-radius: 3px; padding: 0.1em 0.3em; }
        pre {
          overflow-x: auto;
          scrollbar-width: thin;
          padding: 0.8em 1em;
          line-height: 1.45;
          background: var(--surface);
          border-radius: 6px;
          tab-size: 4;
        }
        /* A line too long for its block scrolls; a shadow at the edge shows there is more. */
        pre.code {
          background:
            linear-gradient(to right, var(--surface) 40%, transparent) left / 2.5em 100% no-repeat local,
            linear-gradient(to left, var(--surface) 40%, transparent) right / 2.5em 100% no-repeat local,
            radial-gradient(farthest-side at 0 50%, var(--scroll-shadow), transparent) left / 0.9em 100% no-repeat scroll,
            radial-gradient(farthest-side at 100% 50%, var(--scroll-shadow), transparent) right / 0.9em 100% no-repeat scroll,
            var(--surface);
        }

        .cell { margin: 0 min(0px, (100% - var(--wide)) / 2) 1.4em; }
        .cell > pre, .cell > figure, .cell > .verdict, .cell details > pre { margin-bottom: 0.6em; }
        .output { background: transparent; border: 1px solid var(--border); position: relative; padding-top: 1.5em; }
        .output::before {
          content: "Output"; position: absolute; top: 0.35em; left: 1em;
          font-family: var(--sans); font-size: 0.72em; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted);
        }
        .output.expected::before { content: "Expected output (not run)"; }
        .cell-label { font-family: var(--sans); font-size: 0.85em; color: var(--muted); margin-bottom: 0.3em; }

        .exercise { border: 2px solid var(--accent); border-radius: 8px; padding: 0.9em 1em 0.4em; }
        .exercise header { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; font-family: var(--sans); }
        .exercise-title { font-weight: 650; margin: 0 0 0.6em; }
        .exercise .label { color: var(--accent); text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.08em; margin-right: 0.4em; }
        .points { margin: 0; color: var(--muted); font-size: 0.9em; white-space: nowrap; }
        .solution { border-top: 1px dashed var(--accent); padding-top: 0.4em; }

        /* The instructor's copy says so on every page. */

        .edition-notice {
          margin: 0; padding: 0.6rem 1.25rem; text-align: center;
          font-family: var(--sans); font-size: 0.92em; background: var(--note-surface); border-bottom: 2px solid var(--accent);
        }
        .edition-notice code { white-space: nowrap; }

        /* Verdicts: marked in words, not only in colour */

        .verdict { font-family: var(--sans); font-size: 0.92em; border-radius: 6px; padding: 0.6em 0.9em; margin: 0 0 1.1em; }
        .verdict code { background: transparent; padding: 0; }
        .verdict pre { background: transparent; padding: 0.4em 0 0; margin: 0; white-space: pre-wrap; }
        .verdict p, .verdict ul { margin: 0; }
        .failed > .verdict, .verdict.failed { background: var(--failed-surface); color: var(--failed); border-left: 4px solid var(--failed); }
        .cell.failed > pre.code { border-left: 4px solid var(--failed); }
        .verdict.not-run, .verdict.overridden { background: var(--note-surface); }

        /* Figures */

        .figure { margin: 1.2em 0 1.6em; }
        /* Figures paint their own background, light or dark as the reader prefers. */
        .figure img { display: block; margin: 0 auto; border-radius: 4px; }
        .figure-number { color: var(--text); font-weight: 650; text-decoration: none; }
        figcaption {
          font-family: var(--sans); font-size: 0.88em; color: var(--muted); text-align: center;
          max-width: var(--measure); margin: 0.5em auto 0;
        }

        /* Math */

        .katex { font-size: 1.1em; }
        .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; }
        /* A numbered display equation: the number, a link to it, at the right. */
        .equation { display: flex; align-items: center; gap: 0.8em; scroll-margin-top: 1rem; }
        .equation > .katex-display { flex: 1; min-width: 0; }
        .equation-number { font-family: var(--sans); font-size: 0.9em; color: var(--muted); text-decoration: none; white-space: nowrap; }
        .math-error { color: var(--failed); border-bottom: 2px dotted var(--failed); }

        /* Code tokens (Pygments' classes) */

        .c, .c1, .cm, .cs, .ch { color: var(--code-comment); font-style: italic; }
        .k, .kd, .kn, .kr, .kc, .kp, .ow { color: var(--code-keyword); }
        .kt, .nc, .nb, .bp, .nn { color: var(--code-type); }
        .nf, .fm { color: var(--code-function); }
        .s, .s1, .s2, .sb, .sc, .sd, .se, .sh, .si, .sx, .dl { color: var(--code-string); }
        .m, .mi, .mf, .mh, .mo, .mb, .il { color: var(--code-number); }
        .cp, .cpf, .na, .nd { color: var(--code-directive); }
        .err { color: var(--failed); }

        /* Small screens */

        @media (max-width: 30rem) {
          main, .site-header, .site-footer { padding: 0 0.9rem; }
          pre { padding: 0.7em 0.8em; border-radius: 0; margin-left: -0.9rem; margin-right: -0.9rem; }
          .exercise header { flex-direction: column; gap: 0; }
        }

        /* Print: the lesson, not the navigation */

        @media print {
          :root {
            --text: #000; --muted: #333; --background: #fff; --surface: #f2f2f2; --border: #999; --link: #000;
          }
          body { font-size: 11pt; line-height: 1.45; }
          main { max-width: none; padding: 0; }
          .site-header, .site-footer, .pager, .skip, .toc, .sidebar { display: none; }
          .page { display: block; padding: 0; }
          a { text-decoration: none; }
          pre { white-space: pre-wrap; border: 1px solid var(--border); }
          pre, figure, .cell, .verdict { break-inside: avoid; }
          .cell { margin-left: 0; margin-right: 0; }
          h1, h2, h3 { break-after: avoid; }
        }
        """#
}
