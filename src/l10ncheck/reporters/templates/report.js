(function () {
  "use strict";
  // Filters, search and keyboard navigation. Everything works on elements the page already
  // has: nothing here builds markup from the report's text.
  var doc = document;
  var bar = doc.getElementById("filters");
  if (!bar) { return; }
  bar.hidden = false;
  var all = function (selector, from) {
    return Array.prototype.slice.call((from || doc).querySelectorAll(selector));
  };
  var notes = all(".note");
  var marks = all("mark[data-f]");
  var rows = all("tr.row");
  var columns = all("[data-col-lang]");
  var tables = all("table.aligned");
  var boxes = all("#filters input[type=checkbox][name]");
  var search = doc.getElementById("q");
  var onlyFindings = doc.getElementById("only-findings");
  var shown = doc.getElementById("shown");
  var byId = {};
  var text = {};
  notes.forEach(function (note) {
    byId[note.id] = note;
    text[note.id] = note.textContent.toLowerCase();
  });
  var current = null;

  function chosen(name) {
    var set = {};
    boxes.forEach(function (box) {
      if (box.name === name && box.checked) { set[box.value] = true; }
    });
    return set;
  }

  function apply() {
    var lang = chosen("lang");
    var category = chosen("category");
    var severity = chosen("severity");
    var rule = chosen("rule");
    var query = search.value.trim().toLowerCase();
    var count = 0;
    notes.forEach(function (note) {
      var d = note.dataset;
      var ok = lang[d.lang] && category[d.category] && severity[d.severity] && rule[d.rule] &&
        (!query || text[note.id].indexOf(query) >= 0);
      note.hidden = !ok;
      if (ok) { count += 1; }
    });
    marks.forEach(function (mark) {
      var on = mark.dataset.f.split(" ").some(function (id) { return byId[id] && !byId[id].hidden; });
      mark.classList.toggle("off", !on);
    });
    columns.forEach(function (cell) { cell.hidden = !lang[cell.dataset.colLang]; });
    tables.forEach(function (table) {
      var n = table.querySelectorAll("thead th:not([hidden])").length;
      table.className = table.className.replace(/\bcols-\d+\b/, "cols-" + n);
    });
    rows.forEach(function (row) {
      var hide = Boolean(row.dataset.extra) && !lang[row.dataset.extra];
      if (!hide && onlyFindings.checked) {
        hide = !row.querySelector(".note:not([hidden]), mark[data-f]:not(.off)");
      }
      row.hidden = hide;
    });
    shown.textContent = count + " of " + notes.length + " findings shown";
    if (current && !visible(current)) { select(null); }
  }

  // Shown unless it, its cell, row or section is hidden; asks for no layout, so stepping
  // through findings never lays out the articles that are off screen.
  function visible(note) {
    return !note.closest("[hidden]");
  }

  function marksOf(note) {
    return marks.filter(function (mark) { return mark.dataset.f.split(" ").indexOf(note.id) >= 0; });
  }

  function select(note) {
    if (current) {
      current.classList.remove("current");
      marksOf(current).forEach(function (mark) { mark.classList.remove("current"); });
    }
    current = note;
    if (!note) { return; }
    note.classList.add("current");
    marksOf(note).forEach(function (mark) { mark.classList.add("current"); });
    note.focus({ preventScroll: true });
    note.scrollIntoView({ block: "center" });
  }

  function go(step) {
    var list = notes.filter(visible);
    if (!list.length) { return; }
    var i = current ? list.indexOf(current) : -1;
    if (i < 0) {
      i = step > 0 ? 0 : list.length - 1;
    } else {
      i = Math.max(0, Math.min(list.length - 1, i + step));
    }
    select(list[i]);
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  onlyFindings.addEventListener("change", apply);
  search.addEventListener("input", apply);
  doc.getElementById("reset").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = true; });
    onlyFindings.checked = false;
    search.value = "";
    apply();
  });
  marks.forEach(function (mark) {
    mark.addEventListener("click", function () {
      var ids = mark.dataset.f.split(" ").filter(function (id) { return byId[id] && !byId[id].hidden; });
      if (ids.length) { select(byId[ids[0]]); }
    });
  });
  notes.forEach(function (note) {
    note.addEventListener("click", function (event) {
      if (event.target.tagName !== "A") { select(note); }
    });
  });
  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && target.type !== "checkbox"));
    if (typing) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    if (event.key === "j" || event.key === "n") {
      go(1);
      event.preventDefault();
    } else if (event.key === "k" || event.key === "p") {
      go(-1);
      event.preventDefault();
    } else if (event.key === "/") {
      search.focus();
      event.preventDefault();
    }
  });
  apply();
}());
