// Tables wider than the screen scroll inside a box the theme adds; make each box reachable
// and named for keyboard and screen reader users (WCAG 2.1.1, 4.1.2).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    var table = box.querySelector("table");
    var caption = table && table.querySelector("caption");
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", caption ? caption.textContent : "Table");
  });
});

// The theme's menu button is a label, which a keyboard cannot reach: put a real button in
// its place that works the same drawer.
document$.subscribe(function () {
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var toggle = document.getElementById("__drawer");
  if (!label || !toggle || label.hidden) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon plan-menu-button";
  button.setAttribute("aria-label", "Menu");
  button.innerHTML = label.innerHTML;
  label.hidden = true;
  label.parentNode.insertBefore(button, label);
  var sync = function () { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
  sync();
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function (event) {
    // The theme's own key handling would close the drawer again at once.
    event.stopPropagation();
    toggle.click();
  });
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") event.stopPropagation();
  });
});

// The palette switch looks like a button, so Enter and Space work it as well as the arrow keys.
document$.subscribe(function () {
  document.querySelectorAll("input.md-option").forEach(function (option) {
    if (option.dataset.planKeys) return;
    option.dataset.planKeys = "1";
    option.addEventListener("keydown", function (event) {
      var label = option.nextElementSibling;
      if ((event.key === "Enter" || event.key === " ") && label && label.tagName === "LABEL") {
        event.preventDefault();
        label.click();
        var next = document.getElementById(label.htmlFor);
        if (next) next.focus();
      }
    });
  });
});

// Under the search box's results, a link to search every plan for the same words.
document$.subscribe(function () {
  var template = document.getElementById("plan-search-every-plan");
  var results = document.querySelector(".md-search-result");
  var input = document.querySelector(".md-search__input");
  if (!template || !results || !input || document.querySelector(".plan-search-every-plan")) return;
  results.parentNode.insertBefore(template.content.cloneNode(true), results.nextSibling);
  var link = document.querySelector(".plan-search-every-plan a");
  var target = link.getAttribute("href");
  var update = function () {
    link.setAttribute("href", input.value.trim() ? target + "?words=" + encodeURIComponent(input.value.trim()) : target);
  };
  input.addEventListener("input", update);
  input.addEventListener("keyup", update);
  // The theme moves through its results with the arrow keys (Tab closes the search): make the
  // link the stop after the last result, and the query the stop after the link. Handled here,
  // before the theme's own handler on the window sees the key.
  var dialog = document.querySelector(".md-search__inner");
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var stops = results.querySelectorAll(":not(details) > [href], summary, details[open] [href]");
    var last = stops.length ? stops[stops.length - 1] : input;
    var active = document.activeElement;
    var next = null;
    if (active === link) next = event.key === "ArrowDown" ? input : last;
    else if (active === last && event.key === "ArrowDown") next = link;
    else if (active === input && event.key === "ArrowUp") next = link;
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    next.focus();
  });
});

// The page that searches every plan: each plan's own search index (from versions.json, which
// lists the plans in this language), searched together by the theme's own search worker.
// Each result is written as text, labelled with its plan.
document$.subscribe(function () {
  var form = document.querySelector("form.plan-search-all");
  if (!form || form.dataset.planReady) return;
  form.dataset.planReady = "1";
  var input = form.querySelector("input");
  var status = document.querySelector(".plan-search-all__status");
  var list = document.querySelector(".plan-search-all__results");
  var root = new URL(form.dataset.root, location.href);
  var config = JSON.parse(document.getElementById("__config").textContent);
  var LIMIT = 50;
  var worker = null;
  var ready = null;
  var pending = null;

  var say = function (text) { status.textContent = text; };
  var text = function (html) {
    return new DOMParser().parseFromString(html || "", "text/html").body.textContent.trim();
  };
  var load = function () {
    if (ready) return ready;
    ready = fetch(new URL("versions.json", root)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (versions) {
      var plans = {};
      return Promise.all(versions.map(function (version) {
        var folder = new URL(version.version + "/", root);
        plans[folder.href] = version.title;
        return fetch(new URL("search/search_index.json", folder)).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (index) {
          if (!index) return null;
          index.docs.forEach(function (doc) { doc.location = new URL(doc.location, folder).href; });
          return index;
        });
      })).then(function (indexes) {
        indexes = indexes.filter(Boolean);
        if (!indexes.length) throw new Error("no index");
        var docs = [];
        indexes.forEach(function (index) { docs = docs.concat(index.docs); });
        return new Promise(function (resolve) {
          worker = new Worker(config.search);
          worker.addEventListener("message", function (event) {
            // 1: the index is ready; 3: results (the theme's SearchMessageType).
            if (event.data.type === 1) resolve(plans);
            if (event.data.type === 3 && pending) { pending(event.data.data); pending = null; }
          });
          worker.postMessage({type: 0, data: {config: indexes[0].config, docs: docs, options: {suggest: false}}});
        });
      });
    });
    return ready;
  };
  var planOf = function (plans, location) {
    var best = "";
    Object.keys(plans).forEach(function (folder) {
      if (location.indexOf(folder) === 0 && folder.length > best.length) best = folder;
    });
    return plans[best] || "";
  };
  var show = function (plans, result) {
    list.textContent = "";
    var groups = result.items || [];
    groups.slice(0, LIMIT).forEach(function (group) {
      var article = group.find(function (item) { return !item.parent; }) || group[0];
      var best = group[0];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = best.location;
      link.textContent = text(article.title) + (best !== article ? " › " + text(best.title) : "");
      var heading = document.createElement("p");
      heading.className = "plan-search-all__title";
      heading.appendChild(link);
      var plan = document.createElement("p");
      plan.className = "plan-search-all__plan";
      plan.textContent = form.dataset.plan.replace("{plan}", planOf(plans, best.location));
      item.appendChild(heading);
      item.appendChild(plan);
      var excerpt = text(best.text || article.text);
      if (excerpt) {
        var summary = document.createElement("p");
        summary.textContent = excerpt.length > 200 ? excerpt.slice(0, 200).replace(/\s+\S*$/, "") + " …" : excerpt;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    var message = groups.length ? form.dataset.found.replace("{count}", groups.length) : form.dataset.none;
    if (groups.length > LIMIT) message += " " + form.dataset.more.replace("{shown}", LIMIT);
    say(message);
  };
  var run = function (query) {
    if (!query) return;
    say(form.dataset.searching);
    load().then(function (plans) {
      pending = function (result) { show(plans, result); };
      worker.postMessage({type: 2, data: query});
    }).catch(function () { say(form.dataset.failed); });
  };
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", query ? "?words=" + encodeURIComponent(query) : location.pathname);
    run(query);
  });
  var asked = new URLSearchParams(location.search).get("words");
  if (asked) {
    input.value = asked;
    run(asked.trim());
  }
});

// The edition picker arrives once the theme has fetched versions.json. Mark the edition being
// read as the current one, for screen readers (aria-current) and, through the CSS, with a tick
// and bold words, so it is not told by colour alone.
document$.subscribe(function () {
  var title = document.querySelector(".md-header__title");
  var config = document.getElementById("__config");
  if (!title || !config) return;
  var home;
  try {
    home = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), location.href).href;
  } catch (error) {
    return;
  }
  var mark = function () {
    var links = title.querySelectorAll(".md-version__link");
    links.forEach(function (link) {
      if (link.href === home) link.setAttribute("aria-current", "page");
    });
    return links.length > 0;
  };
  if (mark()) return;
  var observer = new MutationObserver(function () {
    if (mark()) observer.disconnect();
  });
  observer.observe(title, {childList: true, subtree: true});
});
