/* The SPARQL editor of /sparql: a highlighted query box, the saved queries, results as a
 * table (entities linked to their pages), CSV/JSON downloads and CONSTRUCT answers drawn
 * as a graph. Every value from the server is inserted with textContent, never as HTML.
 * No dependencies; talks only to this server. */
(function () {
  "use strict";

  var ID = "https://w3id.org/dkg/id/";
  var ENTITY_KINDS = ["official", "state", "organization", "forum", "event", "treaty",
                      "initiative", "place"];
  var KEYWORDS = ("BASE PREFIX SELECT DISTINCT REDUCED AS CONSTRUCT DESCRIBE ASK FROM NAMED " +
    "WHERE ORDER BY ASC DESC LIMIT OFFSET VALUES OPTIONAL GRAPH UNION MINUS FILTER BIND " +
    "SERVICE SILENT GROUP HAVING EXISTS NOT IN UNDEF TRUE FALSE COUNT SUM MIN MAX AVG SAMPLE " +
    "GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL " +
    "FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS " +
    "STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 " +
    "SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK " +
    "ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE").split(" ");
  var KEYWORD_SET = {};
  KEYWORDS.forEach(function (k) { KEYWORD_SET[k] = true; });
  var TOKEN = new RegExp([
    "(#[^\\n]*)",                                                    // 1 comment
    "(\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'''[\\s\\S]*?(?:'''|$)|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?)", // 2 string
    "(<[^<>\"{}|^`\\\\\\s]*>)",                                       // 3 IRI
    "([?$][A-Za-z_\\u00C0-\\uFFFF][\\w\\u00C0-\\uFFFF]*)",           // 4 variable
    "([A-Za-z][\\w.-]*:[\\w.:%-]*|:[\\w.:%-]+)",                      // 5 prefixed name
    "([A-Za-z_][A-Za-z_0-9]*)",                                      // 6 word
    "([+-]?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)",                     // 7 number
    "([{}().,;\\[\\]^*/|=<>!&+-]+)"                                  // 8 punctuation
  ].join("|"), "g");

  var $ = function (id) { return document.getElementById(id); };
  var textarea = $("query"), highlight = $("highlight"), form = $("form");
  var out = $("out"), status = $("status"), frame = $("graph-frame");
  var paramsBox = $("params"), paramFields = $("param-fields");
  var prefixes = {};
  var saved = {};        // name -> query info from /api/queries
  var current = null;    // the saved query loaded in the editor, while its text is unchanged

  // -- highlighting ---------------------------------------------------------------

  function span(cls, text) {
    var s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function paint() {
    var text = textarea.value, frag = document.createDocumentFragment(), last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      var cls = m[1] ? "tok-comment" : m[2] ? "tok-str" : m[3] ? "tok-iri" : m[4] ? "tok-var" :
        m[5] ? "tok-pname" : m[7] ? "tok-num" : m[8] ? "tok-punct" : null;
      if (m[6]) cls = (KEYWORD_SET[m[6].toUpperCase()] || m[6] === "a") ? "tok-kw" : null;
      frag.appendChild(cls ? span(cls, m[0]) : document.createTextNode(m[0]));
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(text.slice(last) + "\n"));
    highlight.textContent = "";
    highlight.appendChild(frag);
    syncScroll();
  }

  function syncScroll() {
    highlight.scrollTop = textarea.scrollTop;
    highlight.scrollLeft = textarea.scrollLeft;
  }

  function updateButtons() {
    var form = current ? current.form : queryForm(textarea.value);
    var graph = form === "CONSTRUCT" || form === "DESCRIBE";
    $("csv").textContent = graph ? "Download Turtle" : "Download CSV";
    $("json").hidden = graph;
  }

  textarea.addEventListener("input", function () {
    if (current && textarea.value !== current.text) {
      current = null;
      markCurrent(null);
      paramsBox.disabled = true;
    } else if (current) {
      paramsBox.disabled = false;
    }
    paint();
    updateButtons();
  });
  textarea.addEventListener("scroll", syncScroll);
  textarea.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
    if (ev.key === "Tab" && !ev.shiftKey && !ev.ctrlKey && !ev.altKey) {
      ev.preventDefault();
      var s = textarea.selectionStart, e = textarea.selectionEnd;
      textarea.setRangeText("  ", s, e, "end");
      textarea.dispatchEvent(new Event("input"));
    }
  });

  // -- saved queries ----------------------------------------------------------------

  function loadSaved() {
    fetch("/api/queries", {headers: {"Accept": "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) {
        prefixes = data.prefixes || {};
        $("prefix-list").textContent = Object.keys(prefixes).map(function (p) { return p + ":"; }).join(" ");
        var list = $("saved-list");
        list.textContent = "";
        data.queries.forEach(function (q) {
          saved[q.name] = q;
          var li = document.createElement("li");
          var b = document.createElement("button");
          b.type = "button";
          b.className = "saved-query";
          b.setAttribute("data-name", q.name);
          b.title = q.description;
          if (q.form !== "SELECT") b.appendChild(span("form", q.form === "CONSTRUCT" ? "graph" : q.form.toLowerCase()));
          b.appendChild(document.createTextNode(q.title));
          b.appendChild(span("name", q.name));
          b.addEventListener("click", function () { choose(q.name, true); });
          li.appendChild(b);
          list.appendChild(li);
        });
        var wanted = new URLSearchParams(location.search).get("saved");
        if (wanted && saved[wanted]) choose(wanted, false);
      })
      .catch(function (e) {
        var list = $("saved-list");
        list.textContent = "";
        list.appendChild(span("err", "could not load the saved queries: " + e.message));
      });
  }

  function markCurrent(name) {
    Array.prototype.forEach.call(document.querySelectorAll("button.saved-query"), function (b) {
      b.setAttribute("aria-current", b.getAttribute("data-name") === name ? "true" : "false");
    });
  }

  function choose(name, andRun) {
    var q = saved[name];
    current = q;
    markCurrent(name);
    textarea.value = q.text;
    textarea.scrollTop = 0;
    paint();
    $("saved-info").hidden = false;
    $("saved-title").textContent = q.title;
    $("saved-description").textContent = q.description;
    paramFields.textContent = "";
    paramsBox.disabled = false;
    paramsBox.hidden = q.params.length === 0;
    q.params.forEach(function (p) {
      var row = document.createElement("div");
      row.className = "dkg-param";
      var label = document.createElement("label");
      label.htmlFor = "param-" + p.name;
      label.textContent = "?" + p.name + " ";
      label.appendChild(span("kind", p.kind + (p.optional ? ", optional" : "")));
      var input = document.createElement("input");
      input.type = "text";
      input.id = "param-" + p.name;
      input.name = p.name;
      input.className = "param";
      input.value = p.default || "";
      input.placeholder = p.expects;
      row.appendChild(label);
      row.appendChild(input);
      if (p.doc) row.appendChild(span("doc", p.doc));
      paramFields.appendChild(row);
    });
    updateButtons();
    if (andRun) run();
  }

  function savedUrl(format) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(paramFields.querySelectorAll("input.param"), function (i) {
      params.append(i.name, i.value);
    });
    if (format) params.append("format", format);
    return current.url + "?" + params.toString();
  }

  // -- running ----------------------------------------------------------------------

  function queryForm(text) {
    var bare = text.replace(/#[^\n]*/g, " ").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>/g, " ");
    var m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(bare);
    return m ? m[1].toUpperCase() : null;
  }

  function run() {
    var text = textarea.value, form = current ? current.form : queryForm(text);
    out.textContent = "";
    frame.hidden = true;
    status.textContent = "running…";
    var t0 = performance.now();
    if (form === "CONSTRUCT" || form === "DESCRIBE") { runGraph(text, t0); return; }
    var request = current
      ? fetch(savedUrl(null), {headers: {"Accept": "application/sparql-results+json"}})
      : fetch("/sparql", {method: "POST", body: text, headers: {
          "Content-Type": "application/sparql-query",
          "Accept": "application/sparql-results+json"}});
    request
      .then(function (r) {
        if (!r.ok) return problem(r);
        return r.json();
      })
      .then(function (data) { showResults(data, Math.round(performance.now() - t0)); })
      .catch(showError);
  }

  function problem(r) {
    return r.text().then(function (body) {
      var detail = body;
      try { detail = JSON.parse(body).detail || body; } catch (e) { /* not JSON */ }
      throw new Error(detail || r.statusText);
    });
  }

  function showError(e) {
    out.textContent = "";
    out.appendChild(span("err", e.message));
    status.textContent = "error";
  }

  function runGraph(text, t0) {
    $("graph-query").value = text;
    frame.hidden = false;
    frame.onload = function () {
      status.textContent = "graph drawn in " + Math.round(performance.now() - t0) + " ms";
    };
    $("graph-form").submit();
    fetch("/sparql", {method: "POST", body: text, headers: {
      "Content-Type": "application/sparql-query", "Accept": "text/turtle"}})
      .then(function (r) { if (!r.ok) return problem(r); return r.text(); })
      .then(function (turtle) {
        var details = document.createElement("details");
        var summary = document.createElement("summary");
        summary.textContent = "Turtle (" + turtle.split("\n").length + " lines)";
        details.appendChild(summary);
        var pre = document.createElement("pre");
        pre.className = "dkg-turtle";
        pre.textContent = turtle;
        details.appendChild(pre);
        out.appendChild(details);
      })
      .catch(showError);
  }

  function shortName(iri) {
    var best = null;
    Object.keys(prefixes).forEach(function (p) {
      var ns = prefixes[p];
      if (p !== "id" && iri.indexOf(ns) === 0 && (!best || ns.length > prefixes[best].length)) best = p;
    });
    return best ? best + ":" + iri.slice(prefixes[best].length) : iri;
  }

  function entityLink(iri) {
    if (iri.indexOf(ID) !== 0) return null;
    var rest = iri.slice(ID.length), slash = rest.indexOf("/");
    if (slash < 1 || ENTITY_KINDS.indexOf(rest.slice(0, slash)) < 0) return null;
    var a = document.createElement("a");
    a.href = "/entity/" + rest.split("/").map(encodeURIComponent).join("/");
    a.textContent = rest;
    a.title = iri;
    return a;
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.appendChild(entityLink(term.value) || document.createTextNode(shortName(term.value)));
      return td;
    }
    // a GROUP_CONCAT of entity IRIs: one link each
    var parts = term.value.split(" ");
    if (term.type === "literal" && parts.length > 0 && parts.every(function (p) { return entityLink(p); })) {
      parts.forEach(function (p) { td.appendChild(entityLink(p)); td.appendChild(document.createTextNode(" ")); });
      return td;
    }
    td.appendChild(document.createTextNode(term.value));
    if (term["xml:lang"]) td.appendChild(span("lang", "@" + term["xml:lang"]));
    return td;
  }

  function showResults(data, ms) {
    out.textContent = "";
    if (data.boolean !== undefined) {
      out.appendChild(span("", String(data.boolean)));
      status.textContent = ms + " ms";
      return;
    }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = document.createElement("table");
    table.id = "results";
    var thead = document.createElement("thead"), tr = document.createElement("tr");
    vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; tr.appendChild(th); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = document.createElement("tbody");
    rows.forEach(function (b) {
      var row = document.createElement("tr");
      vars.forEach(function (v) { row.appendChild(cell(b[v])); });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    out.appendChild(table);
    status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + " in " + ms + " ms";
  }

  // -- downloads --------------------------------------------------------------------

  function download(format) {
    var text = textarea.value, form = current ? current.form : queryForm(text);
    var graph = form === "CONSTRUCT" || form === "DESCRIBE";
    var fmt = graph ? "turtle" : format;
    var url = current ? savedUrl(fmt)
      : "/sparql?format=" + fmt + "&query=" + encodeURIComponent(text);
    var name = (current ? current.name : "results") + "." + (graph ? "ttl" : format);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  $("csv").addEventListener("click", function () { download("csv"); });
  $("json").addEventListener("click", function () { download("json"); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });

  paint();
  loadSaved();
})();
