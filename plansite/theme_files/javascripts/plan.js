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
