/* dkg explorer (/explore).
 *
 * Data comes from this server's JSON API only and is put into the page with
 * textContent / createElement / setAttribute — never as HTML. vis-network draws
 * labels on a canvas and shows string titles with innerText, so labels and
 * tooltips are text whatever they contain. Links are followed only when they
 * point to this site or to an http(s) page.
 */
(function () {
  "use strict";

  var app = document.getElementById("x-app");
  var statusBox = document.getElementById("x-status");
  var noteBox = document.getElementById("x-note");
  var panel = document.getElementById("x-panel");
  var container = document.getElementById("x-network");
  var timelineBox = document.getElementById("x-timeline");
  var PHYSICS_NODE_LIMIT = 200;
  var LANG_ORDER = ["kk", "ru", "en"];
  var pending = 0;  // requests under way (tests wait for 0)

  if (typeof vis === "undefined") {
    statusBox.textContent = "The drawing library (vis-network) did not load.";
    statusBox.className = "x-status x-error";
    return;
  }

  // ---- small helpers --------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (key === "text") { node.textContent = attrs[key]; }
        else if (key === "className") { node.className = attrs[key]; }
        else { node.setAttribute(key, attrs[key]); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function safeUrl(url) {
    return typeof url === "string" && /^(\/(?![\/\\])|https?:\/\/)/i.test(url) ? url : null;
  }

  function link(text, url) {
    var href = safeUrl(url);
    if (!href) { return el("span", {text: text}); }
    var attrs = {href: href, text: text};
    if (/^https?:/i.test(href)) { attrs.rel = "noopener noreferrer"; attrs.target = "_blank"; }
    return el("a", attrs);
  }

  function setStatus(text, isError) {
    statusBox.textContent = text;
    statusBox.className = isError ? "x-status x-error" : "x-status";
  }

  function setNote(text) {
    noteBox.textContent = text || "";
    noteBox.hidden = !text;
  }

  function getJSON(url) {
    pending++;
    function done(value) { pending--; return value; }
    function failed(error) { pending--; throw error; }
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) {
          var error = new Error(body && body.detail ? body.detail
            : "the server answered " + response.status + " for " + url);
          error.status = response.status;
          throw error;
        }
        return body;
      });
    }).then(done, failed);
  }

  function entityPath(id) {
    // ids are kind/slug; each part is encoded on its own, the slash is kept
    return id.split("/").map(encodeURIComponent).join("/");
  }

  // ---- the API routes the page uses: all served by dkg itself ---------------------------

  var features = {paths: true, timeline: true, events: true};
  var featuresReady = Promise.resolve();

  // ---- styles: the legend in the page is the one source (from graph/viz.py) -----------

  var styles = {};
  var legendButtons = Array.prototype.slice.call(document.querySelectorAll(".x-legend-item"));
  legendButtons.forEach(function (button) {
    styles[button.getAttribute("data-type")] = {
      colour: button.getAttribute("data-colour"), shape: button.getAttribute("data-shape")};
  });

  function styledNode(node) {
    var style = styles[node.type] || {colour: "#bab0ac", shape: "dot"};
    return {
      id: node.id, label: node.label, type: node.type, shape: style.shape,
      title: node.label + "\n" + node.type + " · " + node.id,
      color: {background: style.colour, border: "#333333",
              highlight: {background: style.colour, border: "#222222"}},
      value: 2
    };
  }

  // ---- the network ----------------------------------------------------------------

  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  var network = null;
  var state = {root: null, selected: null, view: "graph", expanded: {}, from: null, to: null,
               settled: true};

  function ensureNetwork(options) {
    if (network) {
      if (options) { network.setOptions(options); }
      return network;
    }
    network = new vis.Network(container, {nodes: nodes, edges: edges}, options || {});
    window.dkgNetwork = network;
    network.on("click", function (params) {
      if (params.nodes.length) { selectNode(params.nodes[0]); }
      else if (params.edges.length) { showEdge(params.edges[0]); }
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) { expand(params.nodes[0]); }
    });
    network.on("hoverNode", function () { container.style.cursor = "pointer"; });
    network.on("blurNode", function () { container.style.cursor = "default"; });
    return network;
  }

  function settle(physics) {
    // bounded: stabilisation has a fixed number of iterations, then physics is off
    state.settled = false;
    if (!physics || nodes.length > PHYSICS_NODE_LIMIT) {
      network.setOptions({physics: {enabled: false}});
      network.fit({animation: false});
      state.settled = true;
      return;
    }
    var done = false;
    function stop() {
      if (done) { return; }
      done = true;
      network.setOptions({physics: {enabled: false}});
      network.fit({animation: false});
      state.settled = true;
    }
    network.once("stabilizationIterationsDone", stop);
    network.setOptions({physics: {enabled: true}});
    network.stabilize(nodes.length <= 200 ? 300 : 150);
    window.setTimeout(stop, 5000);
  }

  function counts() {
    return nodes.length + " nodes, " + edges.length + " edges";
  }

  function filters() {
    var params = [];
    var off = legendButtons.filter(function (b) { return b.getAttribute("aria-pressed") === "false"; });
    if (off.length) {
      params.push("types=" + encodeURIComponent(legendButtons
        .filter(function (b) { return b.getAttribute("aria-pressed") !== "false"; })
        .map(function (b) { return b.getAttribute("data-type"); }).join(",")));
    }
    var boxes = Array.prototype.slice.call(document.querySelectorAll("#x-relations input"));
    var checked = boxes.filter(function (b) { return b.checked; });
    if (checked.length < boxes.length) {
      params.push("predicates=" + encodeURIComponent(
        checked.map(function (b) { return b.value; }).join(",") || "none"));
    }
    ["since", "until"].forEach(function (name) {
      var value = document.getElementById("x-" + name).value.trim();
      if (value) { params.push(name + "=" + encodeURIComponent(value)); }
    });
    return params;
  }

  function neighbourhoodUrl(id, depth) {
    var params = ["depth=" + depth];
    var max = parseInt(document.getElementById("x-max").value, 10);
    if (max > 0) { params.push("max_nodes=" + Math.min(max, 5000)); }
    return "/api/graph/neighbourhood/" + entityPath(id) + "?" + params.concat(filters()).join("&");
  }

  function load(id) {
    showView("graph");
    state.root = id;
    state.expanded = {};
    var depth = document.getElementById("x-depth").value;
    setStatus("Loading the neighbourhood…");
    var url = new URL(window.location.href);
    url.search = "?entity=" + encodeURIComponent(id);
    window.history.replaceState(null, "", url.pathname + url.search);
    return getJSON(neighbourhoodUrl(id, depth)).then(function (data) {
      nodes.clear();
      edges.clear();
      ensureNetwork(data.options);
      nodes.add(data.nodes);
      edges.add(data.edges);
      state.expanded[id] = true;
      markExpanded(id);
      var query = document.getElementById("x-q");
      if (!query.value && nodes.get(id)) { query.value = nodes.get(id).label; }
      setNote(data.note);
      settle(data.physics);
      setStatus(data.heading + ": " + counts() + ".");
      selectNode(id);
      return data;
    }).catch(function (error) { setStatus(error.message, true); });
  }

  function markExpanded(id) {
    if (nodes.get(id)) { nodes.update({id: id, borderWidth: 3}); }
  }

  function expand(id) {
    if (!nodes.get(id)) { return Promise.resolve(); }
    setStatus("Expanding " + nodes.get(id).label + "…");
    return getJSON(neighbourhoodUrl(id, 1)).then(function (data) {
      var centre = network.getPositions([id])[id] || {x: 0, y: 0};
      var fresh = data.nodes.filter(function (n) { return !nodes.get(n.id); });
      var radius = 160 + 6 * fresh.length;
      fresh.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / Math.max(fresh.length, 1);
        n.x = centre.x + radius * Math.cos(angle);
        n.y = centre.y + radius * Math.sin(angle);
      });
      nodes.add(fresh);
      edges.add(data.edges.filter(function (e) { return !edges.get(e.id); }));
      state.expanded[id] = true;
      markExpanded(id);
      var label = nodes.get(id).label;
      setStatus("Added " + fresh.length + " neighbours of " + label + ": " + counts() + ".");
      setNote(data.note ? "Expanding " + label + ": " + data.note : noteBox.textContent);
      if (fresh.length && nodes.length <= PHYSICS_NODE_LIMIT) { settle(true); }
      return data;
    }).catch(function (error) { setStatus(error.message, true); });
  }

  // ---- the side panel: entity card ------------------------------------------------

  function selectNode(id) {
    state.selected = id;
    if (network && nodes.get(id)) { network.selectNodes([id]); }
    return showCard(id);
  }

  function actionButton(text, handler, name) {
    var button = el("button", {type: "button", text: text, "data-action": name});
    button.addEventListener("click", handler);
    return button;
  }

  function entityButton(id, label) {
    var button = el("button", {type: "button", className: "x-link", text: label, "data-id": id});
    button.addEventListener("click", function () {
      if (nodes.get(id)) { selectNode(id); } else { load(id); }
    });
    return button;
  }

  var ID = "https://w3id.org/dkg/id/";

  function articleIri(article) {
    return /^article\//.test(article) ? ID + article : article;
  }

  function rdfLink(article) {
    // the article's own named graph, from this server's Graph Store endpoint
    return article ? link("RDF", "/rdf-graphs?graph=" + encodeURIComponent(articleIri(article))) : null;
  }

  function articleLine(title, date, url, article) {
    var name = title || (article ? "article " + String(article).split("/").pop() : "article");
    var line = el("span", {className: "x-source"}, ["— ", link(name, url)]);
    if (date) { line.appendChild(document.createTextNode(", " + date)); }
    if (article) { line.appendChild(document.createTextNode(" · ")); line.appendChild(rdfLink(article)); }
    return line;
  }

  function showCard(id) {
    clear(panel);
    panel.appendChild(el("p", {className: "muted", text: "Loading the card…"}));
    return getJSON("/api/entities/" + entityPath(id)).then(function (card) {
      if (state.selected !== id) { return; }
      clear(panel);
      panel.setAttribute("data-entity", card.id);
      panel.appendChild(el("h2", {id: "x-card-label", text: card.label}));
      panel.appendChild(el("p", null, [el("span", {className: "tag", text: card.type}), " ",
        el("code", {text: card.id})]));
      panel.appendChild(el("div", {className: "x-actions"}, [
        actionButton("Expand", function () { expand(card.id); }, "expand"),
        actionButton("Centre here", function () { load(card.id); }, "centre"),
        actionButton("Timeline", function () { showTimeline(card.id, card.type, card.label); },
                     "timeline"),
        actionButton("Path from here", function () { pathEnd("from", card); }, "path-from"),
        actionButton("Path to here", function () { pathEnd("to", card); }, "path-to"),
        link("Page", "/entity/" + card.id)
      ]));

      panel.appendChild(el("h3", {text: "Names"}));
      var table = el("table", {id: "x-card-labels"});
      var langs = Object.keys(card.labels).sort(function (a, b) {
        var ia = LANG_ORDER.indexOf(a), ib = LANG_ORDER.indexOf(b);
        return (ia < 0 ? 9 : ia) - (ib < 0 ? 9 : ib) || (a < b ? -1 : 1);
      });
      langs.forEach(function (lang) {
        table.appendChild(el("tr", {"data-lang": lang || "none"}, [
          el("th", {text: lang || "—"}), el("td", {text: card.labels[lang].join(" · ")})]));
      });
      panel.appendChild(table);

      panel.appendChild(el("h3", {text: "Facts (" + card.facts.length + ")"}));
      var facts = el("ul", {id: "x-card-facts"});
      card.facts.slice(0, 60).forEach(function (f) {
        var head = f.direction === "out"
          ? el("span", null, [f.predicate + (f.role ? " (" + f.role + ")" : "") + " → ",
                              entityButton(f.other, f.other_label)])
          : el("span", null, [entityButton(f.other, f.other_label), " → " + f.predicate]);
        facts.appendChild(el("li", null, [head,
          el("span", {className: "x-evidence", text: "“" + f.evidence + "”"}),
          articleLine(f.article_title, f.date, null, f.article)]));
      });
      if (!card.facts.length) { facts.appendChild(el("li", {className: "muted", text: "No extracted facts."})); }
      panel.appendChild(facts);

      panel.appendChild(el("h3", {text: "Articles (" + card.articles.length + ")"}));
      var articles = el("ul", {id: "x-card-articles"});
      card.articles.forEach(function (a) {
        articles.appendChild(el("li", null, [
          (a.date ? a.date + " — " : ""), link(a.title || a.id, a.url),
          el("span", {className: "muted", text: a.lang ? " (" + a.lang + ") · " : " · "}),
          rdfLink(a.iri)]));
      });
      panel.appendChild(articles);
    }).catch(function (error) {
      if (state.selected !== id) { return; }
      clear(panel);
      panel.appendChild(el("p", {className: "x-status x-error", text: error.message}));
    });
  }

  // ---- the side panel: an edge and its evidence ---------------------------------------

  function showEdge(edgeId) {
    var edge = edges.get(edgeId);
    if (!edge) { return; }
    state.selected = null;
    clear(panel);
    panel.removeAttribute("data-entity");
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    panel.appendChild(el("h2", {text: edge.label}));
    panel.appendChild(el("p", null, [entityButton(edge.from, from ? from.label : edge.from), " → ",
      entityButton(edge.to, to ? to.label : edge.to)]));
    if (edge.evidence) {
      panel.appendChild(el("h3", {text: "Evidence"}));
      panel.appendChild(el("p", {id: "x-edge-evidence"}, [
        el("span", {className: "x-evidence", text: "“" + edge.evidence + "”"}),
        articleLine(edge.article_title, edge.date, edge.article_url, edge.article)]));
      if (edge.facts > 1) {
        panel.appendChild(el("p", {className: "muted", text: edge.facts + " facts support it."}));
      }
    } else {
      panel.appendChild(el("p", {className: "muted",
        text: "From the reference data (gazetteer): no sentence behind it."}));
    }
    // every fact behind the edge, from the source entity's card
    getJSON("/api/entities/" + entityPath(edge.from)).then(function (card) {
      var all = card.facts.filter(function (f) {
        return f.direction === "out" && f.predicate === edge.label && f.other === edge.to;
      });
      if (all.length < 2) { return; }
      panel.appendChild(el("h3", {text: "All evidence (" + all.length + ")"}));
      var list = el("ul");
      all.forEach(function (f) {
        list.appendChild(el("li", null, [el("span", {className: "x-evidence", text: "“" + f.evidence + "”"}),
          articleLine(f.article_title, f.date, null, f.article)]));
      });
      panel.appendChild(list);
    }).catch(function () { /* the edge's own evidence is shown already */ });
  }

  // ---- search ---------------------------------------------------------------------

  function picker(input, list, onPick) {
    var timer = null;
    var serial = 0;
    function search() {
      window.clearTimeout(timer);
      var q = input.value.trim();
      clear(list);
      if (!q) { return Promise.resolve([]); }
      var mine = ++serial;
      return getJSON("/api/entities?limit=12&q=" + encodeURIComponent(q)).then(function (hits) {
        if (mine !== serial) { return hits; }
        clear(list);
        if (!hits.length) {
          list.appendChild(el("li", {className: "muted", text: "No entity has a name containing “" + q + "”."}));
        }
        hits.forEach(function (hit) {
          var button = el("button", {type: "button", className: "x-hit", "data-id": hit.id}, [
            hit.label + " ", el("span", {className: "tag", text: hit.type}),
            el("span", {className: "x-matched",
                        text: hit.matched !== hit.label ? hit.matched + (hit.lang ? " @" + hit.lang : "") : ""})]);
          button.addEventListener("click", function () {
            window.clearTimeout(timer);
            serial++;
            clear(list);
            input.value = hit.label;
            onPick(hit);
          });
          list.appendChild(el("li", null, [button]));
        });
        return hits;
      }).catch(function (error) { setStatus(error.message, true); return []; });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    });
    return search;
  }

  var searchMain = picker(document.getElementById("x-q"), document.getElementById("x-hits"),
                          function (hit) { load(hit.id); });
  document.getElementById("x-search").addEventListener("submit", function (event) {
    event.preventDefault();
    searchMain().then(function (hits) {
      if (hits.length === 1) { document.getElementById("x-hits").textContent = ""; load(hits[0].id); }
    });
  });

  // ---- filters: the legend is the type filter ---------------------------------------

  legendButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      var shown = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", shown ? "true" : "false");
      if (state.root) { load(state.root); }
    });
  });
  ["x-depth", "x-max"].forEach(function (name) {
    document.getElementById(name).addEventListener("change", function () {
      if (state.root && state.view === "graph") { load(state.root); }
    });
  });
  document.getElementById("x-apply").addEventListener("click", function () {
    if (state.root) { load(state.root); } else { setStatus("Search an entity first."); }
  });
  document.getElementById("x-reset").addEventListener("click", function () {
    legendButtons.forEach(function (b) { b.setAttribute("aria-pressed", "true"); });
    Array.prototype.forEach.call(document.querySelectorAll("#x-relations input"),
                                 function (b) { b.checked = true; });
    document.getElementById("x-since").value = "";
    document.getElementById("x-until").value = "";
    if (state.root) { load(state.root); }
  });

  // ---- views ----------------------------------------------------------------------

  function showView(view) {
    state.view = view;
    Array.prototype.forEach.call(document.querySelectorAll(".x-tab"), function (tab) {
      tab.setAttribute("aria-selected", tab.getAttribute("data-view") === view ? "true" : "false");
    });
    document.getElementById("x-search").hidden = view === "path";
    document.getElementById("x-path").hidden = view !== "path";
    container.hidden = view === "timeline";
    timelineBox.hidden = view !== "timeline";
  }

  Array.prototype.forEach.call(document.querySelectorAll(".x-tab"), function (tab) {
    tab.addEventListener("click", function () {
      var view = tab.getAttribute("data-view");
      if (view === "timeline") {
        var id = state.selected || state.root;
        var node = id ? nodes.get(id) : null;
        if (node) { showTimeline(node.id, node.type, node.label); }
        else { showView("timeline"); clear(timelineBox);
               timelineBox.appendChild(el("p", {className: "muted", text: "Choose an entity first (search, then click a node)."})); }
      } else {
        showView(view);
      }
    });
  });

  // ---- path between two entities --------------------------------------------------------

  function pathEnd(which, entity) {
    state[which] = {id: entity.id, label: entity.label};
    document.getElementById("x-" + which).value = entity.label;
    showView("path");
    setStatus("Path " + which + " " + entity.label + ". " +
              (state.from && state.to ? "Press “Find paths”." : "Now choose the other end."));
  }

  picker(document.getElementById("x-from"), document.getElementById("x-from-hits"),
         function (hit) { state.from = {id: hit.id, label: hit.label}; });
  picker(document.getElementById("x-to"), document.getElementById("x-to-hits"),
         function (hit) { state.to = {id: hit.id, label: hit.label}; });

  document.getElementById("x-path").addEventListener("submit", function (event) {
    event.preventDefault();
    findPaths();
  });

  function findPaths() {
    if (!state.from || !state.to) {
      setStatus("Choose both ends: search each name and click a result.", true);
      return Promise.resolve();
    }
    var max = document.getElementById("x-max-length").value;
    setStatus("Looking for paths…");
    return featuresReady.then(function () {
      if (!features.paths) { throw new Error("This server has no paths API (/api/paths)."); }
      return getJSON("/api/paths?from=" + encodeURIComponent(state.from.id) + "&to=" +
                   encodeURIComponent(state.to.id) + "&max_length=" + encodeURIComponent(max));
    }).then(drawPaths).catch(function (error) { setStatus(error.message, true); });
  }

  function drawPaths(result) {
    showView("path");
    nodes.clear();
    edges.clear();
    setNote(null);
    ensureNetwork({});
    var placed = {};
    var newNodes = [], newEdges = [];
    (result.paths || []).forEach(function (path, row) {
      path.nodes.forEach(function (n, column) {
        if (placed[n.id]) { return; }
        placed[n.id] = true;
        var styled = styledNode(n);
        styled.x = column * 300;
        styled.y = row * 150;
        newNodes.push(styled);
      });
      path.edges.forEach(function (e) {
        var id = e.source + " " + e.predicate + " " + e.target;
        if (newEdges.some(function (x) { return x.id === id; })) { return; }
        newEdges.push({id: id, from: e.source, to: e.target, label: e.predicate,
          title: e.predicate + (e.evidence ? "\n“" + e.evidence + "”\n— " + (e.article_title || "article") : ""),
          evidence: e.evidence, article: e.article, article_title: e.article_title,
          arrows: {to: {enabled: true, scaleFactor: 0.6}}});
      });
    });
    nodes.add(newNodes);
    edges.add(newEdges);
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false});
    var n = (result.paths || []).length;
    setStatus(n ? n + " path" + (n > 1 ? "s" : "") + " from " + result.from.label + " to " +
              result.to.label + "." : "No path of at most the chosen length between them.");
    clear(panel);
    panel.removeAttribute("data-entity");
    panel.appendChild(el("h2", {text: "Paths"}));
    (result.paths || []).forEach(function (path, i) {
      var box = el("div", {className: "x-path"});
      box.appendChild(el("h3", {text: "Path " + (i + 1) + " · length " + path.length}));
      var labels = {};
      path.nodes.forEach(function (node) { labels[node.id] = node.label; });
      var steps = el("ol");
      path.edges.forEach(function (e) {
        steps.appendChild(el("li", null, [
          entityButton(e.source, labels[e.source] || e.source), " → " + e.predicate + " → ",
          entityButton(e.target, labels[e.target] || e.target),
          e.evidence ? el("span", {className: "x-evidence", text: "“" + e.evidence + "”"}) : null,
          e.evidence ? articleLine(e.article_title, null, null, e.article) : null]));
      });
      box.appendChild(steps);
      panel.appendChild(box);
    });
  }

  // ---- timeline ---------------------------------------------------------------------------

  function factItems(id) {
    // the dated facts of the card: the timeline when the server has no timeline route
    return getJSON("/api/entities/" + entityPath(id)).then(function (card) {
      return card.facts.filter(function (f) { return f.date; }).map(function (f) {
        return {date: f.date, id: f.other,
                title: f.direction === "out" ? f.predicate + " → " + f.other_label
                                             : f.other_label + " → " + f.predicate,
                detail: "", evidence: f.evidence, article_title: f.article_title, article: f.article};
      });
    });
  }

  function timelineItems(id, type) {
    if (type === "Forum" && features.events) {
      return getJSON("/api/events?limit=500&forum=" + encodeURIComponent(id)).then(function (events) {
        return events.map(function (ev) {
          var who = (ev.participants || []).map(function (p) { return p.label || p.id || p; });
          return {date: ev.date, title: ev.label, id: ev.id,
                  detail: [ev.kind, ev.place && (ev.place.label || ev.place),
                           who.length ? who.slice(0, 6).join(", ") + (who.length > 6 ? "…" : "") : ""]
                    .filter(Boolean).join(" · "),
                  evidence: null};
        });
      });
    }
    if (!features.timeline) { return factItems(id); }
    return getJSON("/api/entities/" + entityPath(id) + "/timeline?limit=500").then(function (items) {
      return items.map(function (it) {
        var other = it.other || {};
        var name = other.label || other.id || "";
        var event = it.event && typeof it.event === "object" ? (it.event.label || it.event.id) : it.event;
        return {date: it.date, id: other.id,
                title: it.direction === "in" ? name + " → " + it.predicate : it.predicate + " → " + name,
                detail: event && event !== other.id ? "at " + String(event).split("/").pop().replace(/-/g, " ") : "",
                evidence: it.evidence, article_title: it.article_title, article: it.article};
      });
    });
  }

  function showTimeline(id, type, label) {
    showView("timeline");
    clear(timelineBox);
    timelineBox.appendChild(el("p", {className: "muted", text: "Loading the timeline…"}));
    return featuresReady.then(function () { return timelineItems(id, type); }).then(function (items) {
      items = items.filter(function (it) { return it.date; })
                   .sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
      clear(timelineBox);
      timelineBox.appendChild(el("h2", {text: "Timeline: " + label}));
      if (!items.length) {
        timelineBox.appendChild(el("p", {className: "muted", text: "No dated events or facts."}));
        return;
      }
      timelineBox.appendChild(axis(items));
      var list = el("ol", {className: "x-tl-list", id: "x-timeline-list"});
      items.forEach(function (it) {
        list.appendChild(el("li", null, [el("span", {className: "x-tl-date", text: it.date}),
          el("div", null, [it.id ? entityButton(it.id, it.title) : el("span", {text: it.title}),
            it.detail ? el("span", {className: "muted", text: " · " + it.detail}) : null,
            it.evidence ? el("span", {className: "x-evidence", text: "“" + it.evidence + "”"}) : null,
            it.evidence ? articleLine(it.article_title, null, null, it.article) : null])]));
      });
      timelineBox.appendChild(list);
      setStatus("Timeline of " + label + ": " + items.length + " dated items.");
    }).catch(function (error) {
      clear(timelineBox);
      timelineBox.appendChild(el("p", {className: "x-status x-error", text: error.message}));
    });
  }

  function dayNumber(date) {
    var parts = String(date).slice(0, 10).split("-");
    return Date.UTC(+parts[0], (+parts[1] || 1) - 1, +parts[2] || 1) / 86400000;
  }

  function axis(items) {
    var NS = "http://www.w3.org/2000/svg";
    function svg(tag, attrs) {
      var node = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      return node;
    }
    var width = 900, left = 40, right = 40, y = 40;
    var first = dayNumber(items[0].date), last = dayNumber(items[items.length - 1].date);
    var span = Math.max(last - first, 1);
    var root = svg("svg", {viewBox: "0 0 " + width + " 70", width: "100%", height: "70",
                           "class": "x-tl-axis", role: "img"});
    root.appendChild(svg("line", {x1: left, x2: width - right, y1: y, y2: y, stroke: "#5b6676"}));
    var y0 = +String(items[0].date).slice(0, 4), y1 = +String(items[items.length - 1].date).slice(0, 4);
    for (var year = y0; year <= y1 + 1; year++) {
      var x = left + (dayNumber(year + "-01-01") - first) / span * (width - left - right);
      if (x < left - 1 || x > width - right + 1) { continue; }
      root.appendChild(svg("line", {x1: x, x2: x, y1: y - 6, y2: y + 6, stroke: "#5b6676"}));
      var text = svg("text", {x: x, y: y + 22, "text-anchor": "middle"});
      text.textContent = String(year);
      root.appendChild(text);
    }
    [items[0], items[items.length - 1]].forEach(function (it, i) {
      var label = svg("text", {x: i ? width - right : left, y: y - 14, "text-anchor": i ? "end" : "start"});
      label.textContent = it.date;
      root.appendChild(label);
    });
    items.forEach(function (it) {
      var cx = items.length === 1 ? width / 2
        : left + (dayNumber(it.date) - first) / span * (width - left - right);
      var dot = svg("circle", {cx: cx, cy: y, r: 6, fill: "#1f5f99", "fill-opacity": "0.7"});
      var tip = svg("title", {});
      tip.textContent = it.date + " — " + it.title;
      dot.appendChild(tip);
      root.appendChild(dot);
    });
    return root;
  }

  // ---- start --------------------------------------------------------------------------

  window.dkgExplorer = {nodes: nodes, edges: edges, load: load, expand: expand,
                        select: selectNode, showTimeline: showTimeline, findPaths: findPaths,
                        state: state, pending: function () { return pending; }};
  var start = new URLSearchParams(window.location.search).get("entity");
  if (start && /^[a-z-]+\/[\w.~-]+$/.test(start)) { load(start); }
  else { ensureNetwork({}); }
  app.setAttribute("data-ready", "true");
}());
