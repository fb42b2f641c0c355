/*
 * Suggestions under the search box while typing (ARIA 1.2 combobox with a listbox).
 *
 * Without JavaScript the search box is a plain form to /zoeken/; this only adds a list
 * of matching titles from /api/v1/zoeken/suggesties. Keys: arrow down/up move through
 * the list, Enter opens the chosen suggestion (or searches when none is chosen),
 * Escape closes the list (and empties the box when it was already closed).
 * No inline script or style (the Content-Security-Policy forbids them).
 */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY_MS = 200;
  var ENDPOINT = "/api/v1/zoeken/suggesties";
  var TEXT = {
    nl: {
      none: "Geen suggesties.",
      one: "1 suggestie. Gebruik de pijltjestoetsen om te kiezen.",
      many: "{n} suggesties. Gebruik de pijltjestoetsen om te kiezen.",
      label: "Suggesties",
    },
    en: {
      none: "No suggestions.",
      one: "1 suggestion. Use the arrow keys to choose.",
      many: "{n} suggestions. Use the arrow keys to choose.",
      label: "Suggestions",
    },
  };
  var lang = (document.documentElement.lang || "nl").slice(0, 2);
  var text = TEXT[lang] || TEXT.nl;

  function announce(region, count) {
    var message = count === 0 ? text.none : count === 1 ? text.one : text.many;
    region.textContent = message.replace("{n}", String(count));
  }

  function Combobox(input, index) {
    var id = input.id || "bk-suggest-" + index;
    input.id = id;
    this.input = input;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.controller = null;
    this.lastQuery = "";

    var wrapper = document.createElement("div");
    wrapper.className = "bk-suggest";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    this.listbox = document.createElement("ul");
    this.listbox.id = id + "-suggesties";
    this.listbox.className = "bk-suggest__list";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", text.label);
    this.listbox.hidden = true;
    wrapper.appendChild(this.listbox);

    this.status = document.createElement("div");
    this.status.className = "bk-visually-hidden";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    wrapper.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeydown.bind(this));
    input.addEventListener("blur", this.close.bind(this));
    // mousedown would blur the input (and close the list) before the click lands.
    this.listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    this.listbox.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    var self = this;
    var query = this.input.value.trim();
    window.clearTimeout(this.timer);
    if (query.length < MIN_CHARS) {
      this.lastQuery = "";
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () {
      self.fetch(query);
    }, DELAY_MS);
  };

  Combobox.prototype.fetch = function (query) {
    var self = this;
    if (query === this.lastQuery && !this.listbox.hidden) return;
    if (this.controller) this.controller.abort();
    this.controller = typeof AbortController === "function" ? new AbortController() : null;
    var url = (this.input.getAttribute("data-suggest-url") || ENDPOINT) + "?q=" + encodeURIComponent(query);
    window
      .fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: this.controller ? this.controller.signal : undefined,
      })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        // An answer to an older query arrives late: the box has moved on.
        if (self.input.value.trim() !== query) return;
        self.lastQuery = query;
        self.render(data.suggestions || []);
      })
      .catch(function () {
        /* offline or aborted: the plain search still works */
      });
  };

  Combobox.prototype.render = function (suggestions) {
    var listbox = this.listbox;
    while (listbox.firstChild) listbox.removeChild(listbox.firstChild);
    this.items = suggestions;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    suggestions.forEach(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = listbox.id + "-" + i;
      option.className = "bk-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(i));
      var title = document.createElement("span");
      title.className = "bk-suggest__title";
      title.textContent = suggestion.title;
      option.appendChild(title);
      if (suggestion.type_label) {
        var kind = document.createElement("span");
        kind.className = "bk-suggest__type";
        kind.textContent = ", " + suggestion.type_label;
        option.appendChild(kind);
      }
      listbox.appendChild(option);
    });
    announce(this.status, suggestions.length);
    if (suggestions.length) {
      listbox.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    } else {
      this.close();
    }
  };

  Combobox.prototype.close = function () {
    var selected = this.listbox.querySelectorAll("[aria-selected=true]");
    for (var i = 0; i < selected.length; i++) selected[i].setAttribute("aria-selected", "false");
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.open = function () {
    if (!this.items.length) return;
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.move = function (step) {
    if (!this.items.length) return;
    this.open();
    var count = this.items.length;
    this.active = this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count;
    var options = this.listbox.querySelectorAll("[role=option]");
    for (var i = 0; i < options.length; i++) {
      var selected = i === this.active;
      options[i].setAttribute("aria-selected", selected ? "true" : "false");
      if (selected) {
        this.input.setAttribute("aria-activedescendant", options[i].id);
        if (options[i].scrollIntoView) options[i].scrollIntoView({ block: "nearest" });
      }
    }
  };

  Combobox.prototype.go = function (index) {
    var suggestion = this.items[index];
    if (suggestion && suggestion.url) window.location.assign(suggestion.url);
  };

  Combobox.prototype.onKeydown = function (event) {
    switch (event.key) {
      case "ArrowDown":
      case "Down":
        event.preventDefault();
        if (event.altKey) {
          this.open();
          break;
        }
        this.move(1);
        break;
      case "ArrowUp":
      case "Up":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (!this.listbox.hidden && this.active >= 0) {
          event.preventDefault();
          this.go(this.active);
        }
        // Otherwise the form submits: a normal search.
        break;
      case "Escape":
      case "Esc":
        if (!this.listbox.hidden) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
        }
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest ? event.target.closest("[role=option]") : null;
    if (option) this.go(Number(option.getAttribute("data-index")));
  };

  function start() {
    if (typeof window.fetch !== "function") return;
    var inputs = document.querySelectorAll("#bk-search-q, input[data-bk-suggest]");
    for (var i = 0; i < inputs.length; i++) new Combobox(inputs[i], i);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
