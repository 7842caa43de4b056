namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>The shell's stylesheet: one small file, readable on a laptop and on a phone.</summary>
internal static class ShellStyles
{
    public const string Css = """
        :root { --brand:#9b1c1c; --brand-dark:#7a1212; --ink:#1f2933; --muted:#5f6b7a; --line:#d9dee4; --bg:#f5f6f8; --ok:#1d6f42; --warn:#a15c00; --crit:#b42318; }
        * { box-sizing:border-box; }
        body { margin:0; font:15px/1.5 "Segoe UI",Roboto,"Noto Sans",Arial,sans-serif; color:var(--ink); background:var(--bg); }
        a { color:#0b5cad; }
        header.top { background:var(--brand); color:#fff; display:flex; flex-wrap:wrap; align-items:center; gap:.5rem 1.5rem; padding:.6rem 1rem; }
        header.top .brand { font-weight:700; font-size:1.05rem; }
        header.top nav { display:flex; flex-wrap:wrap; gap:.25rem .9rem; }
        header.top nav a, header.top .who a { color:#fff; text-decoration:none; padding:.15rem .2rem; border-bottom:2px solid transparent; }
        header.top nav a[aria-current=page] { border-bottom-color:#ffd7d7; }
        header.top .who { margin-left:auto; font-size:.9rem; }
        main { max-width:1100px; margin:1rem auto; padding:0 1rem; }
        h1 { font-size:1.35rem; margin:.2rem 0 1rem; }
        .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:1rem; margin-bottom:1rem; }
        ol.inbox { list-style:none; padding:0; margin:0; }
        ol.inbox li.urgent { border-left:4px solid #b00020; }
        ol.inbox h2 { font-size:1.05rem; margin:0 0 .2rem; }
        ol.inbox .meta { color:var(--muted); font-size:.85rem; margin:0 0 .4rem; }
        ol.inbox .body { margin:0; white-space:pre-line; }
        table.list { width:100%; border-collapse:collapse; background:#fff; }
        table.list th, table.list td { text-align:left; padding:.5rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
        table.list th { background:#eef1f4; font-weight:600; }
        dl.fields { display:grid; grid-template-columns:max-content 1fr; gap:.3rem 1rem; margin:0; }
        dl.fields dt { color:var(--muted); }
        dl.fields dd { margin:0; }
        .tabs { display:flex; flex-wrap:wrap; gap:.25rem; border-bottom:2px solid var(--line); margin-top:1rem; }
        .tabs a { display:inline-flex; align-items:center; gap:.4rem; padding:.5rem .9rem; text-decoration:none; color:var(--ink); border:1px solid var(--line); border-bottom:none; border-radius:6px 6px 0 0; background:#eef1f4; }
        .tabs a[aria-selected=true] { background:#fff; font-weight:600; position:relative; top:2px; }
        .tabs svg { width:18px; height:18px; }
        .badge { display:inline-block; min-width:1.4rem; padding:0 .35rem; border-radius:999px; font-size:.78rem; text-align:center; color:#fff; background:var(--muted); }
        .badge.warning { background:var(--warn); } .badge.critical { background:var(--crit); } .badge.info { background:#0b5cad; }
        .panel { background:#fff; border:1px solid var(--line); border-top:none; padding:1rem; }
        .panel iframe { width:100%; min-height:540px; border:0; }
        .fulltext { white-space:pre-wrap; font-family:"Times New Roman",Georgia,serif; font-size:1rem; }
        .unavailable { border:1px solid #f0c36d; background:#fff8e6; padding:1rem; border-radius:6px; }
        .muted { color:var(--muted); }
        form.search { display:flex; gap:.5rem; margin-bottom:1rem; flex-wrap:wrap; }
        form.search input { flex:1 1 16rem; padding:.45rem .6rem; border:1px solid var(--line); border-radius:4px; font:inherit; }
        button, .button { background:var(--brand); color:#fff; border:0; border-radius:4px; padding:.45rem .9rem; font:inherit; cursor:pointer; }
        ul.users { list-style:none; padding:0; margin:0; display:grid; grid-template-columns:repeat(auto-fill,minmax(17rem,1fr)); gap:.6rem; }
        ul.users button { width:100%; text-align:left; background:#fff; color:var(--ink); border:1px solid var(--line); padding:.6rem .8rem; }
        ul.users button:hover, ul.users button:focus { border-color:var(--brand); }
        @media (max-width: 640px) {
          table.list thead { display:none; }
          table.list tr { display:block; border-bottom:1px solid var(--line); padding:.4rem 0; }
          table.list td { display:block; border:none; padding:.15rem .6rem; }
          dl.fields { grid-template-columns:1fr; }
          dl.fields dd { margin-bottom:.4rem; }
          header.top .who { margin-left:0; }
          .panel iframe { min-height:70vh; }
        }
        """;
}
