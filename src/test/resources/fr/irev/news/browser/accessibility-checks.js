/*
 * The accessibility checks that axe-core cannot decide, run in the page by the browser tests
 * (fr.irev.news.browser.AccessibilityAudit injects this file through WebDriver, which the pages'
 * Content-Security-Policy does not govern). Defines window.irevA11y; every function returns plain
 * data (strings, numbers, arrays, objects) that the Java side asserts on.
 *
 * Colours are read with getComputedStyle, i.e. from the site's CSS as the browser applies it.
 * Contrast ratios follow WCAG 2.1 (relative luminance of sRGB, (L1 + 0.05) / (L2 + 0.05)).
 */
(function () {
  'use strict';
  if (window.irevA11y) {
    return;
  }

  // ------------------------------------------------------------------ colours

  /** {r, g, b, a} of a computed colour ("rgb(…)", "rgba(…)", "transparent"), or null. */
  function parseColor(text) {
    if (!text || text === 'transparent') {
      return { r: 0, g: 0, b: 0, a: 0 };
    }
    var m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(text);
    if (!m) {
      return null;
    }
    var a = m[4] === undefined ? 1 : (m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]));
    return { r: +m[1], g: +m[2], b: +m[3], a: a };
  }

  /** top drawn over an opaque bottom. */
  function over(top, bottom) {
    var a = top.a;
    return {
      r: top.r * a + bottom.r * (1 - a),
      g: top.g * a + bottom.g * (1 - a),
      b: top.b * a + bottom.b * (1 - a),
      a: 1
    };
  }

  function channel(v) {
    v = v / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  function luminance(c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function ratio(c1, c2) {
    var l1 = luminance(c1);
    var l2 = luminance(c2);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  function hex(c) {
    function two(v) {
      return ('0' + Math.round(v).toString(16)).slice(-2);
    }
    return '#' + two(c.r) + two(c.g) + two(c.b);
  }

  /**
   * The opaque colour behind an element (its own background included): the backgrounds of it and
   * its ancestors composited over the white canvas. image: true when one of them has a background
   * image (the colour is then not known from the CSS alone).
   */
  function backgroundOf(el) {
    var chain = [];
    var image = false;
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var style = getComputedStyle(node);
      chain.push(parseColor(style.backgroundColor) || { r: 0, g: 0, b: 0, a: 0 });
      if (style.backgroundImage && style.backgroundImage !== 'none') {
        image = true;
      }
    }
    var color = { r: 255, g: 255, b: 255, a: 1 };
    for (var i = chain.length - 1; i >= 0; i--) {
      color = over(chain[i], color);
    }
    return { color: color, image: image };
  }

  // ------------------------------------------------------------------ elements

  function describe(el) {
    if (!el || el.nodeType !== 1) {
      return String(el);
    }
    var out = el.tagName.toLowerCase();
    if (el.id) {
      out += '#' + el.id;
    }
    if (typeof el.className === 'string' && el.className.trim()) {
      out += '.' + el.className.trim().split(/\s+/).join('.');
    }
    var text = (el.textContent || el.value || '').replace(/\s+/g, ' ').trim();
    if (text) {
      out += ' "' + (text.length > 50 ? text.slice(0, 50) + '…' : text) + '"';
    }
    return out;
  }

  /** Rendered and exposed to assistive technologies (visually hidden text included). */
  function exposed(el) {
    if (el.closest('[hidden], [aria-hidden="true"], [inert]')) {
      return false;
    }
    return el.checkVisibility({ visibilityProperty: true });
  }

  /** Painted on screen with a size (not the 1 px visually hidden texts). */
  function painted(el) {
    if (!exposed(el) || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      return false;
    }
    var rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) {
      return false;
    }
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var clip = getComputedStyle(node).clip;
      if (clip && clip !== 'auto' && /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(clip)) {
        return false;
      }
    }
    return true;
  }

  /** The elements a Tab key press reaches, in sequential navigation order. */
  function tabbables() {
    var candidates = document.querySelectorAll(
      'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]');
    var found = [];
    var positive = [];
    Array.prototype.forEach.call(candidates, function (el) {
      if (el.tabIndex < 0 || el.disabled || (el.type === 'hidden' && el.tagName === 'INPUT')) {
        return;
      }
      if (el.tagName === 'SUMMARY' && el.parentElement.tagName !== 'DETAILS') {
        return;
      }
      if (!exposed(el)) {
        return;
      }
      (el.tabIndex > 0 ? positive : found).push(el);
    });
    positive.sort(function (x, y) {
      return x.tabIndex - y.tabIndex;
    });
    return positive.concat(found);
  }

  // ------------------------------------------------------------------ structure

  /** lang, the h1 count, the exposed headings in order (level, text). */
  function structure() {
    var headings = [];
    document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]').forEach(function (h) {
      if (!exposed(h)) {
        return;
      }
      var level = h.getAttribute('role') === 'heading'
        ? parseInt(h.getAttribute('aria-level') || '2', 10)
        : parseInt(h.tagName.substring(1), 10);
      headings.push({ level: level, text: h.textContent.replace(/\s+/g, ' ').trim() });
    });
    return {
      lang: document.documentElement.getAttribute('lang'),
      h1: document.querySelectorAll('h1').length,
      headings: headings,
      title: document.title
    };
  }

  // ------------------------------------------------------------------ focus

  function focusStyle(el) {
    var s = getComputedStyle(el);
    return {
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth) || 0,
      outlineColor: s.outlineColor,
      outlineOffset: parseFloat(s.outlineOffset) || 0,
      boxShadow: s.boxShadow,
      backgroundColor: s.backgroundColor,
      borderColor: s.borderTopColor,
      borderWidth: parseFloat(s.borderTopWidth) || 0,
      color: s.color,
      textDecoration: s.textDecorationLine + ' ' + s.textDecorationThickness
    };
  }

  /** The shadows of a computed box-shadow: [{color, spread, inset}]. */
  function shadows(text) {
    if (!text || text === 'none') {
      return [];
    }
    var out = [];
    var parts = text.split(/,(?![^(]*\))/);
    parts.forEach(function (part) {
      var colorMatch = /rgba?\([^)]*\)/.exec(part);
      var rest = part.replace(/rgba?\([^)]*\)/, '');
      var lengths = (rest.match(/-?[\d.]+px/g) || []).map(parseFloat);
      out.push({
        color: colorMatch ? parseColor(colorMatch[0]) : null,
        spread: lengths.length >= 4 ? lengths[3] : 0,
        inset: /inset/.test(rest)
      });
    });
    return out;
  }

  /**
   * Snapshots the unfocused look of every tabbable element (the focused one is blurred first), for
   * focusIndicator. Returns how many there are.
   */
  function snapshotFocusables() {
    if (document.activeElement && document.activeElement !== document.body) {
      document.activeElement.blur();
    }
    var list = tabbables();
    window.__irevFocusables = list;
    window.__irevUnfocused = list.map(focusStyle);
    return list.map(describe);
  }

  /**
   * Where the focus is: its index in the snapshot (-1: elsewhere, -2: nowhere), its description,
   * and its indicator measured against the unfocused snapshot.
   *
   * Rule (WCAG 2.4.7, RGAA 10.7, measured as WCAG 2.2's 2.4.13 "Focus Appearance" does): the
   * focused look differs from the unfocused one by an indicator at least 2 CSS px thick whose
   * colour contrasts at least 3:1 with the colours next to it: an outline (not the browser's
   * "auto" ring) against the background around the element, a box-shadow ring against that
   * background, or a background or border colour against the unfocused one.
   */
  function focusIndicator() {
    var el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
      return { index: -2, element: 'body', ok: false, reason: 'no element has the focus' };
    }
    var list = window.__irevFocusables || [];
    var index = list.indexOf(el);
    var before = index >= 0 ? window.__irevUnfocused[index] : null;
    var now = focusStyle(el);
    var around = backgroundOf(el.parentElement || el).color;
    var reasons = [];
    var ok = false;
    if (before) {
      var outlineChanged = now.outlineStyle !== before.outlineStyle
        || now.outlineWidth !== before.outlineWidth
        || now.outlineColor !== before.outlineColor;
      if (now.outlineStyle !== 'none' && now.outlineWidth > 0 && outlineChanged) {
        var outlineColor = parseColor(now.outlineColor);
        var r = outlineColor ? ratio(over(outlineColor, around), around) : 0;
        if (now.outlineStyle === 'auto') {
          reasons.push('browser default "auto" outline, no focus style of the site');
        } else if (now.outlineWidth < 2) {
          reasons.push('outline ' + now.outlineWidth + 'px (< 2px)');
        } else if (r < 3) {
          reasons.push('outline ' + now.outlineColor + ' on ' + hex(around) + ': ' + r.toFixed(2) + ':1 (< 3:1)');
        } else {
          ok = true;
          reasons.push('outline ' + now.outlineWidth + 'px ' + hex(outlineColor) + ' on ' + hex(around)
            + ' ' + r.toFixed(2) + ':1');
        }
      }
      if (!ok && now.boxShadow !== before.boxShadow) {
        shadows(now.boxShadow).forEach(function (shadow) {
          if (ok || !shadow.color || shadow.inset) {
            return;
          }
          var r2 = ratio(over(shadow.color, around), around);
          if (shadow.spread >= 2 && r2 >= 3) {
            ok = true;
            reasons.push('box-shadow ' + shadow.spread + 'px ' + hex(shadow.color) + ' ' + r2.toFixed(2) + ':1');
          } else {
            reasons.push('box-shadow ' + shadow.spread + 'px ' + hex(shadow.color) + ' ' + r2.toFixed(2) + ':1 (too weak)');
          }
        });
      }
      if (!ok && now.backgroundColor !== before.backgroundColor) {
        var b0 = backgroundOf(el).color;
        var r3 = ratio(over(parseColor(now.backgroundColor), around), over(parseColor(before.backgroundColor), around));
        if (r3 >= 3) {
          ok = true;
          reasons.push('background ' + r3.toFixed(2) + ':1 against unfocused');
        } else {
          reasons.push('background change ' + r3.toFixed(2) + ':1 (< 3:1) ' + hex(b0));
        }
      }
      if (!ok && now.borderColor !== before.borderColor && now.borderWidth >= 2) {
        var r4 = ratio(over(parseColor(now.borderColor), around), over(parseColor(before.borderColor), around));
        if (r4 >= 3) {
          ok = true;
          reasons.push('border ' + r4.toFixed(2) + ':1 against unfocused');
        }
      }
      if (!reasons.length) {
        reasons.push('no visible change (outline ' + now.outlineStyle + ' ' + now.outlineWidth
          + 'px, box-shadow ' + now.boxShadow + ')');
      }
    } else {
      reasons.push('not among the tabbable elements found before');
    }
    var rect = el.getBoundingClientRect();
    var inView = rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth
      && rect.width > 1 && rect.height > 1;
    if (!inView) {
      ok = false;
      reasons.push('focused element not shown in the viewport');
    }
    return {
      index: index,
      element: describe(el),
      ok: ok,
      reason: reasons.join('; '),
      focusVisible: el.matches(':focus-visible')
    };
  }

  /** The skip link: first tabbable element, its target, and whether the target is main. */
  function skipLink() {
    var first = tabbables()[0];
    if (!first) {
      return { first: null };
    }
    var href = first.getAttribute('href') || '';
    var target = href.charAt(0) === '#' ? document.getElementById(decodeURIComponent(href.substring(1))) : null;
    return {
      first: describe(first),
      tag: first.tagName.toLowerCase(),
      href: href,
      text: first.textContent.replace(/\s+/g, ' ').trim(),
      target: target ? describe(target) : null,
      targetIsMain: !!target && (target.tagName === 'MAIN' || target.getAttribute('role') === 'main'),
      targetFocusable: !!target && target.tabIndex === -1 && target.hasAttribute('tabindex'),
      firstInMain: target ? (function () {
        var inside = tabbables().filter(function (el) {
          return target.contains(el) && el !== target;
        })[0];
        return inside ? describe(inside) : null;
      })() : null
    };
  }

  /**
   * Moves the sequential focus navigation starting point to the top of the page, as on arrival
   * (an autofocus field or a blur() leaves it elsewhere): the body takes the focus for a moment.
   */
  function focusTop() {
    var body = document.body;
    var had = body.hasAttribute('tabindex');
    if (!had) {
      body.setAttribute('tabindex', '-1');
    }
    body.focus();
    if (!had) {
      body.removeAttribute('tabindex');
    }
    return describe(document.activeElement);
  }

  function focusSkipLink() {
    var first = tabbables()[0];
    first.focus();
    return describe(document.activeElement);
  }

  function active() {
    return describe(document.activeElement);
  }

  // ------------------------------------------------------------------ forms

  function textOf(el) {
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  /**
   * Every form control a person fills or ticks (not hidden, not buttons): how it is labelled and,
   * when invalid, what describes it.
   */
  function fields() {
    var out = [];
    document.querySelectorAll('input, select, textarea').forEach(function (el) {
      var type = (el.getAttribute('type') || '').toLowerCase();
      if (el.tagName === 'INPUT' && ['hidden', 'submit', 'button', 'reset', 'image'].indexOf(type) >= 0) {
        return;
      }
      var labels = Array.prototype.map.call(el.labels || [], function (label) {
        return { text: textOf(label), shown: painted(label) };
      });
      var labelledBy = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean).map(function (id) {
        var target = document.getElementById(id);
        return { id: id, text: textOf(target), shown: !!target && painted(target) };
      });
      var described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map(function (id) {
        var target = document.getElementById(id);
        return { id: id, exists: !!target, text: textOf(target), shown: !!target && painted(target) };
      });
      out.push({
        element: describe(el),
        id: el.id || '',
        name: el.getAttribute('name') || '',
        shown: exposed(el),
        labels: labels,
        labelledBy: labelledBy,
        ariaLabel: el.getAttribute('aria-label') || '',
        invalid: el.getAttribute('aria-invalid') || '',
        described: described,
        autofocus: el.hasAttribute('autofocus'),
        focused: document.activeElement === el
      });
    });
    return out;
  }

  // ------------------------------------------------------------------ dates

  var MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
    'octobre', 'novembre', 'décembre'];
  var DATE = new RegExp('(1er|\\d{1,2})\\s+(' + MONTHS.join('|') + ')\\s+(\\d{4})|(\\d{1,2})/(\\d{1,2})/(\\d{4})|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b', 'gi');
  var TIME = /(\d{1,2})\s*h\s*(\d{2})?|\b(\d{1,2}):(\d{2})\b/;
  var ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

  function two(n) {
    return ('0' + n).slice(-2);
  }

  function shownDate(m) {
    if (m[1]) {
      return m[3] + '-' + two(MONTHS.indexOf(m[2].toLowerCase()) + 1) + '-' + two(m[1] === '1er' ? 1 : +m[1]);
    }
    if (m[4]) {
      return m[6] + '-' + two(+m[5]) + '-' + two(+m[4]);
    }
    return m[7] + '-' + m[8] + '-' + m[9];
  }

  /** The Paris date and time (YYYY-MM-DD, HH:MM or null) a datetime value stands for, or null. */
  function parisOf(value) {
    var m = ISO.exec(value || '');
    if (!m) {
      return null;
    }
    var month = +m[2];
    var day = +m[3];
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(+m[1], month, 0)).getUTCDate()) {
      return null;
    }
    if (!m[4]) {
      return { date: m[1] + '-' + m[2] + '-' + m[3], time: null };
    }
    if (!m[7]) {
      return { date: m[1] + '-' + m[2] + '-' + m[3], time: m[4] + ':' + m[5] };
    }
    var instant = new Date(value.replace(' ', 'T'));
    if (isNaN(instant.getTime())) {
      return null;
    }
    var parts = {};
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(instant).forEach(function (p) {
      parts[p.type] = p.value;
    });
    return { date: parts.year + '-' + parts.month + '-' + parts.day, time: parts.hour + ':' + parts.minute };
  }

  /**
   * Every date written in the page's visible text (French "16 mars 2027", "16/03/2027", ISO), with
   * the time element around it: its datetime, whether that is valid, and the Paris date and time it
   * stands for against the shown ones. skipSelector: parts not checked (editors' rich text).
   */
  function dates(skipSelector) {
    var out = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var seenTimes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, template, title')
        || (skipSelector && parent.closest(skipSelector)) || !exposed(parent)) {
        continue;
      }
      var time = parent.closest('time');
      if (time) {
        if (seenTimes.indexOf(time) >= 0) {
          continue;
        }
        seenTimes.push(time);
      }
      var text = time ? time.textContent : node.nodeValue;
      DATE.lastIndex = 0;
      var m = DATE.exec(text);
      if (!m) {
        continue;
      }
      var entry = { text: text.replace(/\s+/g, ' ').trim(), shownDate: shownDate(m), inTime: !!time };
      if (time) {
        var after = text.substring(m.index + m[0].length);
        var t = TIME.exec(after);
        entry.shownTime = t ? (t[1] !== undefined ? two(+t[1]) + ':' + (t[2] || '00') : two(+t[3]) + ':' + t[4]) : null;
        entry.datetime = time.getAttribute('datetime');
        var paris = parisOf(entry.datetime);
        entry.valid = !!paris;
        entry.datetimeDate = paris ? paris.date : null;
        entry.datetimeTime = paris ? paris.time : null;
      } else {
        entry.element = describe(parent);
        // every further date of the same text node
        var more = [];
        for (var n = DATE.exec(text); n; n = DATE.exec(text)) {
          more.push(n[0]);
        }
        entry.others = more;
      }
      out.push(entry);
    }
    return out;
  }

  // ------------------------------------------------------------------ contrast

  function fontInfo(el) {
    var s = getComputedStyle(el);
    var size = parseFloat(s.fontSize);
    var weight = parseInt(s.fontWeight, 10) || 400;
    var large = size >= 24 || (size >= 18.66 && weight >= 700);
    return { size: size, weight: weight, large: large };
  }

  /** Contrast of an element's own text against what is behind it. */
  function contrastOf(el, pseudo) {
    var s = getComputedStyle(el, pseudo || null);
    var fg = parseColor(s.color);
    var bg = backgroundOf(el);
    var font = fontInfo(el);
    var opacity = 1;
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      opacity *= parseFloat(getComputedStyle(node).opacity);
    }
    var shown = over({ r: fg.r, g: fg.g, b: fg.b, a: fg.a * opacity }, bg.color);
    var r = ratio(shown, bg.color);
    return {
      kind: pseudo || 'text',
      element: describe(el) + (pseudo || ''),
      fg: hex(shown),
      bg: hex(bg.color),
      ratio: Math.round(r * 100) / 100,
      required: font.large ? 3 : 4.5,
      large: font.large,
      size: font.size,
      weight: font.weight,
      image: bg.image
    };
  }

  function hasOwnText(el) {
    for (var c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && c.nodeValue.trim()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every painted element with text of its own, every text field (its typed text and its
   * placeholder) and every disabled control: the colour pairs as the page shows them.
   */
  function textContrast() {
    var out = [];
    document.querySelectorAll('body, body *').forEach(function (el) {
      if (el.closest('script, style, noscript, template') || !painted(el)) {
        return;
      }
      var field = el.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, select');
      if (hasOwnText(el) || (field && (el.value || el.tagName === 'SELECT'))) {
        var c = contrastOf(el);
        c.kind = field ? 'field text' : (el.disabled ? 'disabled' : 'text');
        out.push(c);
      }
      if (field && el.getAttribute('placeholder')) {
        var p = contrastOf(el, '::placeholder');
        p.kind = 'placeholder';
        out.push(p);
      }
    });
    return out;
  }

  /**
   * WCAG 1.4.11: the boundary of text fields (border against the background around them) and of
   * the site's buttons (background or border against the background around them), 3:1 at least.
   * Native check boxes keep the browser's look and are not counted (exempt: user agent styling).
   */
  function componentContrast() {
    var out = [];
    document.querySelectorAll(
      'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), textarea, select, button, .irev-button')
      .forEach(function (el) {
        if (!painted(el)) {
          return;
        }
        var s = getComputedStyle(el);
        var around = backgroundOf(el.parentElement).color;
        var border = parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none'
          ? ratio(over(parseColor(s.borderTopColor), around), around) : 0;
        var fill = ratio(over(parseColor(s.backgroundColor), around), around);
        out.push({
          element: describe(el),
          border: Math.round(border * 100) / 100,
          borderColor: hex(parseColor(s.borderTopColor)),
          fill: Math.round(fill * 100) / 100,
          fillColor: hex(over(parseColor(s.backgroundColor), around)),
          around: hex(around),
          ratio: Math.round(Math.max(border, fill) * 100) / 100
        });
      });
    return out;
  }

  // ------------------------------------------------------------------ the stylesheet's pairs

  /**
   * The site's style rules that set a colour (text, background or border) and apply on screen:
   * every selector of irev-news.css outside @media print, with its pseudo-classes.
   */
  function colourSelectors() {
    var out = [];
    function visit(rules) {
      Array.prototype.forEach.call(rules, function (rule) {
        if (rule.media) {
          if (window.matchMedia(rule.media.mediaText).matches) {
            visit(rule.cssRules);
          }
          return;
        }
        if (!rule.selectorText) {
          return;
        }
        var st = rule.style;
        if (!(st.color || st.backgroundColor || st.background || st.borderColor || st.borderTopColor
          || st.borderLeftColor || st.border || st.borderLeft)) {
          return;
        }
        rule.selectorText.split(',').forEach(function (selector) {
          selector = selector.trim();
          if (out.indexOf(selector) < 0) {
            out.push(selector);
          }
        });
      });
    }
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      if (sheet.href && /irev-news\.css/.test(sheet.href)) {
        visit(sheet.cssRules);
      }
    });
    return out;
  }

  /**
   * Builds, inside main, the elements a selector describes (descendant combinators, tags, classes,
   * attributes; ":hover" and ":focus…" dropped, the caller brings the state), with a text or a
   * value; the leading ".irev" / "body.irev" is the page's own body. null when the selector cannot
   * be built (other combinators, html, universal, pseudo-elements).
   */
  function specimen(selector) {
    var plain = selector.replace(/:(hover|focus-visible|focus)\b/g, '');
    if (/[>+~*]|::|:|\bhtml\b/.test(plain)) {
      return null;
    }
    var parts = plain.trim().split(/\s+/);
    if (parts[0] === '.irev' || parts[0] === 'body.irev') {
      parts.shift();
    }
    if (!parts.length || /^body/.test(parts[0])) {
      return null;
    }
    var parent = document.querySelector('main');
    var root = null;
    var el = null;
    for (var i = 0; i < parts.length; i++) {
      var m = /^([a-z0-9]*)((?:\.[\w-]+|\[[^\]]+\])*)$/i.exec(parts[i]);
      if (!m) {
        if (root) {
          root.remove();
        }
        return null;
      }
      var tag = m[1] || (i === parts.length - 1 ? 'p' : 'div');
      el = document.createElement(tag);
      (m[2].match(/\.[\w-]+/g) || []).forEach(function (c) {
        el.classList.add(c.substring(1));
      });
      (m[2].match(/\[[^\]]+\]/g) || []).forEach(function (a) {
        var am = /^\[([\w-]+)(?:="?([^"\]]*)"?)?\]$/.exec(a);
        if (am) {
          el.setAttribute(am[1], am[2] === undefined ? '' : am[2]);
        }
      });
      if (tag === 'a' && !el.hasAttribute('href')) {
        el.setAttribute('href', '#contenu');
      }
      parent.appendChild(el);
      root = root || el;
      parent = el;
    }
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
      el.value = 'Exemple';
    } else if (el.tagName === 'SELECT') {
      el.appendChild(document.createElement('option')).textContent = 'Exemple';
    } else if (!['IMG', 'BR', 'HR'].includes(el.tagName)) {
      el.textContent = 'Exemple de texte';
    }
    el.setAttribute('data-irev-specimen', selector);
    root.setAttribute('data-irev-specimen-root', '');
    el.scrollIntoView({ block: 'center' });
    return el;
  }

  function removeSpecimens() {
    document.querySelectorAll('[data-irev-specimen-root]').forEach(function (el) {
      el.remove();
    });
  }

  /** The contrast of a built specimen: its text, and its boundary when it is a component. */
  function specimenContrast(el) {
    if (!painted(el)) {
      return { selector: el.getAttribute('data-irev-specimen'), painted: false };
    }
    var c = contrastOf(el);
    c.selector = el.getAttribute('data-irev-specimen');
    c.painted = true;
    if (el.matches('input, textarea, select, button, .irev-button')) {
      var s = getComputedStyle(el);
      var around = backgroundOf(el.parentElement).color;
      var border = parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none'
        ? ratio(over(parseColor(s.borderTopColor), around), around) : 0;
      var fill = ratio(over(parseColor(s.backgroundColor), around), around);
      c.component = Math.round(Math.max(border, fill) * 100) / 100;
      c.componentColors = hex(parseColor(s.borderTopColor)) + ' / ' + hex(over(parseColor(s.backgroundColor), around))
        + ' on ' + hex(around);
    }
    return c;
  }

  // ------------------------------------------------------------------ links to files

  /** Links whose target is a file or a feed rather than a page, with their visible text. */
  function fileLinks() {
    var out = [];
    document.querySelectorAll('a[href]').forEach(function (a) {
      var href = a.getAttribute('href');
      var type = a.getAttribute('type') || '';
      var file = (type && type !== 'text/html')
        || /\/\.irev-news\/(download|dam)\//.test(href) || /\/dam\//.test(href)
        || /\.(pdf|docx?|xlsx?|odt|ods|csv|ics|zip|rtf|pptx?)(\?|#|$)/i.test(href);
      if (!file || !exposed(a)) {
        return;
      }
      out.push({ element: describe(a), href: a.href, type: type, text: textOf(a) });
    });
    return out;
  }

  window.irevA11y = {
    structure: structure,
    snapshotFocusables: snapshotFocusables,
    focusIndicator: focusIndicator,
    skipLink: skipLink,
    focusSkipLink: focusSkipLink,
    focusTop: focusTop,
    active: active,
    fields: fields,
    dates: dates,
    contrastOf: function (selector) {
      return Array.prototype.map.call(document.querySelectorAll(selector), function (el) {
        return contrastOf(el);
      });
    },
    contrastOfElement: contrastOf,
    textContrast: textContrast,
    componentContrast: componentContrast,
    fileLinks: fileLinks,
    /**
     * One painted element per look among those of a selector: same tag, classes, font, text colour
     * and background behind it (the others would measure the same under the mouse).
     */
    distinctLooks: function (selector) {
      var seen = {};
      return Array.prototype.filter.call(document.querySelectorAll(selector), function (el) {
        if (!painted(el)) {
          return false;
        }
        var s = getComputedStyle(el);
        var key = [el.tagName, el.className, s.color, s.fontSize, s.fontWeight, hex(backgroundOf(el).color)].join('|');
        if (seen[key]) {
          return false;
        }
        seen[key] = true;
        return true;
      });
    },
    colourSelectors: colourSelectors,
    specimen: specimen,
    specimenContrast: specimenContrast,
    removeSpecimens: removeSpecimens,
    tabbableCount: function () {
      return tabbables().length;
    }
  };
})();
