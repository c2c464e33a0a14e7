/* factcheck report: filters, selection of a quantity, sorting. Plain DOM, no network, no innerHTML. */
(function () {
  "use strict";
  var ORDER = ["discrepancy", "slip", "partial", "rounding", "unverifiable", "consistent"];
  var ICONS = {discrepancy: "\u2717", slip: "!", partial: "\u25d0", rounding: "\u2248", unverifiable: "?",
    consistent: "\u2713"};
  var LABELS = {partial: "partial list"};
  var HINT = "Select a marked number (click, or Tab then Enter) to see the arithmetic of every relation it takes " +
    "part in. Press E to jump to the next error.";

  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function ids(el, attr) { var v = el.getAttribute(attr); return v ? v.split(" ") : []; }
  function byId(id) { return document.getElementById(id); }

  all(".js-only").forEach(function (el) { el.hidden = false; });
  document.documentElement.classList.add("js");
  /* Filters start folded on a phone, where they would fill the first screen. */
  if (window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 760px)");
    var fold = function () { all(".filterbox").forEach(function (d) { d.open = !narrow.matches; }); };
    fold();
    if (narrow.addEventListener) { narrow.addEventListener("change", fold); }
  }

  /* ---- filters: a finding shows when its verdict, severity and kind are all ticked ---- */
  var boxes = all(".filters input[data-facet]");

  function allowed() {
    var a = {cls: {}, severity: {}, kind: {}};
    boxes.forEach(function (b) { a[b.getAttribute("data-facet")][b.value] = b.checked; });
    return a;
  }

  function setMark(mark, cls) {
    ORDER.forEach(function (c) { mark.classList.remove("v-" + c); });
    if (!cls) {
      mark.disabled = true;
      mark.classList.remove("selected", "related");
      return;
    }
    mark.disabled = false;
    mark.classList.add("v-" + cls);
    mark.setAttribute("data-cls", cls);
    mark.querySelector(".badge").textContent = ICONS[cls];
    mark.querySelector(".sr").textContent = " (" + (LABELS[cls] || cls) + ")";
  }

  function applyFilters() {
    var a = allowed();
    all(".article").forEach(function (art) {
      var shownCls = {};
      var items = all(".finding", art);
      var count = 0;
      items.forEach(function (li) {
        var ok = a.cls[li.getAttribute("data-cls")] !== false &&
          a.severity[li.getAttribute("data-severity")] !== false &&
          a.kind[li.getAttribute("data-kind")] !== false;
        li.hidden = !ok;
        if (ok) { shownCls[li.id] = li.getAttribute("data-cls"); count++; }
      });
      all(".q", art).forEach(function (m) {
        var best = null;
        ids(m, "data-findings").forEach(function (id) {
          var c = shownCls[id];
          if (c && (best === null || ORDER.indexOf(c) < ORDER.indexOf(best))) { best = c; }
        });
        setMark(m, best);
      });
      var shown = art.querySelector(".shown");
      if (shown) {
        shown.textContent = count === items.length ? "(" + items.length + ")" : "(" + count + " of " + items.length + " shown)";
      }
      var sel = art.querySelector(".q.selected");
      if (sel) { if (sel.disabled) { clear(art); } else { select(sel, false); } }
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  all(".show-unchecked").forEach(function (b) {
    b.addEventListener("change", function () { document.body.classList.toggle("hide-unchecked", !b.checked); });
  });

  /* ---- selecting a quantity: light up its partners, explain every visible finding it belongs to ---- */
  function clear(art) {
    all(".q.selected, .q.related", art).forEach(function (m) {
      m.classList.remove("selected", "related");
      m.setAttribute("aria-pressed", "false");
    });
    all(".finding.current", art).forEach(function (li) { li.classList.remove("current"); });
    var panel = art.querySelector(".panel");
    if (panel) { panel.classList.remove("open"); }
    var body = art.querySelector(".panel-body");
    if (body && body.getAttribute("data-filled")) {
      body.textContent = "";
      body.removeAttribute("data-filled");
      var p = document.createElement("p");
      p.className = "hint";
      p.lang = "en";
      p.textContent = HINT;
      body.appendChild(p);
    }
  }

  function select(mark, scroll) {
    var art = mark.closest(".article");
    clear(art);
    mark.classList.add("selected");
    mark.setAttribute("aria-pressed", "true");
    var body = art.querySelector(".panel-body");
    if (body) {
      body.textContent = "";
      body.setAttribute("data-filled", "1");
      art.querySelector(".panel").classList.add("open");
    }
    ids(mark, "data-findings").forEach(function (fid) {
      var li = byId(fid);
      if (!li || li.hidden) { return; }
      li.classList.add("current");
      ids(li, "data-marks").forEach(function (mid) {
        var other = byId(mid);
        if (other && other !== mark && !other.disabled) { other.classList.add("related"); }
      });
      if (body) {
        body.appendChild(li.querySelector(".explain").cloneNode(true));
        var back = document.createElement("p");
        back.className = "back";
        back.lang = "en";
        var a = document.createElement("a");
        a.href = "#" + fid;
        a.textContent = "\u2193 Finding #" + li.getAttribute("data-n") + " in the list";
        back.appendChild(a);
        body.appendChild(back);
      }
    });
    if (scroll) { mark.scrollIntoView({block: "center"}); mark.focus({preventScroll: true}); }
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    var closer = t.closest(".close");
    if (closer) {
      var art = closer.closest(".article");
      var sel = art.querySelector(".q.selected");
      clear(art);
      if (sel) { sel.focus(); }
      return;
    }
    var mark = t.closest(".q");
    if (mark && !mark.disabled) {
      if (mark.classList.contains("selected")) { clear(mark.closest(".article")); }
      else { select(mark, false); }
      return;
    }
    var link = t.closest("a[data-goto]");
    if (link) {
      var target = byId(link.getAttribute("data-goto"));
      if (target && !target.disabled) {
        ev.preventDefault();
        select(target, true);
      }
    }
  });

  /* ---- E: the next error (then slips, then partial lists), one key from anywhere on the page ---- */
  var PROBLEMS = ["discrepancy", "slip", "partial"];

  /* one stop per problem: the first mark of each shown error, then slip, then partial list, in text order */
  function problemMarks() {
    var items = all(".finding").filter(function (li) {
      return !li.hidden && PROBLEMS.indexOf(li.getAttribute("data-cls")) >= 0;
    });
    var arts = all(".article");
    items.sort(function (a, b) {
      var d = arts.indexOf(a.closest(".article")) - arts.indexOf(b.closest(".article"));
      d = d || PROBLEMS.indexOf(a.getAttribute("data-cls")) - PROBLEMS.indexOf(b.getAttribute("data-cls"));
      return d || Number(a.getAttribute("data-n")) - Number(b.getAttribute("data-n"));
    });
    var out = [];
    items.forEach(function (li) {
      var m = byId(ids(li, "data-marks")[0] || "");
      if (m && !m.disabled && out.indexOf(m) < 0) { out.push(m); }
    });
    return out;
  }

  function nextProblem(back) {
    var marks = problemMarks();
    if (!marks.length) { return; }
    var i = marks.indexOf(document.querySelector(".q.selected"));
    var next = i < 0 ? (back ? marks.length - 1 : 0) : (i + (back ? -1 : 1) + marks.length) % marks.length;
    select(marks[next], true);
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { all(".article").forEach(clear); return; }
    if ((ev.key !== "e" && ev.key !== "E") || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (t instanceof Element && t.closest("input, textarea, select, [contenteditable]")) { return; }
    ev.preventDefault();
    nextProblem(ev.shiftKey);
  });

  /* ---- order of the findings: errors first (as written), or text order with the toggle ---- */
  all(".sort").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var text = btn.getAttribute("aria-pressed") !== "true";
      btn.setAttribute("aria-pressed", text ? "true" : "false");
      var section = btn.closest(".findings");
      var note = section.querySelector(".order-note");
      if (note) { note.textContent = text ? "In text order." : "Errors first."; }
      var list = section.querySelector(".flist");
      var items = all(".finding", list);
      items.sort(function (a, b) {
        var d = text ? 0 : Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
        return d || Number(a.getAttribute("data-n")) - Number(b.getAttribute("data-n"));
      });
      items.forEach(function (li) { list.appendChild(li); });
    });
  });

  /* ---- sortable index table ---- */
  all("table.index").forEach(function (table) {
    var heads = all("thead th", table);
    heads.forEach(function (th, col) {
      var btn = th.querySelector("button");
      btn.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        if (btn.getAttribute("data-type") === "num" && th.getAttribute("aria-sort") === "none") { asc = false; }
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var num = btn.getAttribute("data-type") === "num";
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-sort");
          var y = b.cells[col].getAttribute("data-sort");
          var d = num ? Number(x) - Number(y) : x.localeCompare(y);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  applyFilters();
  if (location.hash) {
    var first = byId(decodeURIComponent(location.hash.slice(1)));
    if (first && first.classList.contains("q")) { select(first, true); }
  }
})();
