package fr.irev.news.registration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.registration.FieldError;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationForm;
import fr.irev.news.registration.RegistrationSettings;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.registration.web.RegistrationHtml.Notice;
import fr.irev.news.registration.web.RegistrationHtml.NoticeKind;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The form markup: every field labelled, errors linked to their fields, autofocus on the first
 * invalid field only, no inline script or style, values escaped (C9).
 */
class RegistrationHtmlTest {

  private static final String XSS = "<img src=x onerror=alert(1)>";
  private static final String ID = "0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a";

  private static RegistrationEvent event(int maxSeats, RegistrationFields fields) {
    ZonedDateTime start = ZonedDateTime.of(2031, 6, 12, 9, 0, 0, 0, FrenchDates.PARIS);
    NewsItem item =
        new NewsItem(
            ID,
            "journee",
            "Journée « Quartiers & discriminations »",
            null,
            null,
            NewsKind.EVENT,
            new EventSchedule(start, start.withHour(17), false),
            null,
            null,
            start.minusMonths(2),
            null,
            List.of(),
            List.of(),
            List.of(),
            null);
    return new RegistrationEvent(
        ID,
        item,
        new RegistrationSettings(true, null, null, start.withHour(17), 10, true, 5, maxSeats),
        fields);
  }

  private static final RegistrationFields ALL =
      new RegistrationFields(true, true, true, true, true, true, null, null, null);

  private static Element section(
      RegistrationEvent event, FormState state, List<Notice> notices, String contextPath) {
    Document doc = RegistrationHtml.page("Inscription", event.item(), "/actualites/x", contextPath);
    Element section =
        RegistrationHtml.section(
            doc, event, true, state, notices, contextPath, List.of("Lille", "Roubaix"), 2);
    RegistrationHtml.main(doc).appendChild(section);
    return section;
  }

  private static Element section(FormState state) {
    return section(event(3, ALL), state, List.of(), "");
  }

  @Test
  void everyControlHasAVisibleLabelAndAUniqueId() {
    Element section = section(FormState.BLANK);
    List<Element> controls = section.select("input:not([type=hidden]), textarea");
    assertEquals(
        List.of(
            "lastName",
            "firstName",
            "email",
            "seats",
            "organisation",
            "function",
            "commune",
            "phone",
            "needs",
            "comment",
            "consent"),
        controls.stream().map(c -> c.attr("name")).toList());
    Set<String> ids = new HashSet<>();
    for (Element control : controls) {
      assertEquals(RegistrationHtml.fieldId(control.attr("name")), control.id());
      assertTrue(ids.add(control.id()), "unique id " + control.id());
      List<Element> labels = section.select("label[for=" + control.id() + "]");
      assertEquals(1, labels.size(), control.id());
      assertFalse(labels.get(0).text().isBlank());
    }
    for (String required : List.of("lastName", "firstName", "email", "seats", "consent")) {
      Element control = section.getElementById(RegistrationHtml.fieldId(required));
      assertTrue(control.hasAttr("required"), required);
      assertNotNull(
          section.selectFirst("label[for=" + control.id() + "] .irev-form__required"), required);
    }
    assertFalse(section.getElementById("irev-reg-phone").hasAttr("required"));
    assertEquals("email", section.getElementById("irev-reg-email").attr("autocomplete"));
    assertEquals("family-name", section.getElementById("irev-reg-lastName").attr("autocomplete"));
    assertEquals("irev-reg-commune-liste", section.getElementById("irev-reg-commune").attr("list"));
    assertTrue(section.select("[aria-invalid], [autofocus], .irev-form__error").isEmpty());
    assertNull(section.selectFirst("input[name=csrf]"));
    assertEquals("", section.selectFirst("input[name=token]").val());
    assertEquals(ID, section.selectFirst("input[name=evenement]").val());
  }

  @Test
  void onlyAskedFieldsAndNoSeatsForOnePerson() {
    Element section =
        section(event(1, RegistrationFields.NONE), FormState.BLANK, List.of(), "/site");
    assertEquals(
        List.of("lastName", "firstName", "email", "consent"),
        section.select("input:not([type=hidden]), textarea").eachAttr("name"));
    Element form = section.selectFirst("form");
    assertEquals("/site/.irev-news/registration/" + ID, form.attr("action"));
    assertEquals(
        "/site/.irev-news/registration/" + ID + "/places", form.attr("data-irev-seats-url"));
  }

  @Test
  void errorsAreLinkedToTheirFieldsAndTheFirstInvalidFieldHasFocus() {
    FormState state =
        new FormState(
            Map.of("email", "pas-une-adresse", "lastName", "Çelik"),
            List.of(
                new FieldError("consent", "Cochez la case."),
                new FieldError("email", "Adresse non valable."),
                new FieldError("comment", "Trop long.")),
            "t-1",
            null);
    Element section = section(state);

    Element summary = section.selectFirst(".irev-form__summary[role=alert]");
    assertNotNull(summary);
    assertEquals("Le formulaire contient 3 erreurs\u00a0:", summary.selectFirst("p").wholeText());
    assertEquals(
        List.of("#irev-reg-consent", "#irev-reg-email", "#irev-reg-comment"),
        summary.select("a").eachAttr("href"));

    for (String field : List.of("consent", "email", "comment")) {
      Element control = section.getElementById(RegistrationHtml.fieldId(field));
      Element error = section.getElementById(RegistrationHtml.fieldId(field) + "-erreur");
      assertNotNull(error, field);
      assertTrue(List.of(control.attr("aria-describedby").split(" ")).contains(error.id()), field);
      assertEquals("true", control.attr("aria-invalid"), field);
    }
    assertEquals(
        "irev-reg-email-erreur irev-reg-email-aide",
        section.getElementById("irev-reg-email").attr("aria-describedby"));
    List<Element> focused = section.select("[autofocus]");
    assertEquals(1, focused.size());
    assertEquals("irev-reg-email", focused.get(0).id(), "first invalid field in form order");
    assertEquals("pas-une-adresse", section.getElementById("irev-reg-email").val());
    assertEquals("Çelik", section.getElementById("irev-reg-lastName").val());
    assertEquals("t-1", section.selectFirst("input[name=token]").val());
    assertFalse(section.getElementById("irev-reg-lastName").hasAttr("aria-invalid"));
  }

  @Test
  void noInlineScriptStyleOrJavascriptLinks() {
    FormState state =
        new FormState(
            Map.of("lastName", XSS), List.of(new FieldError("lastName", XSS)), "t-1", "csrf-value");
    Element section =
        section(
            event(3, ALL),
            state,
            List.of(new Notice(NoticeKind.ERROR, XSS), new Notice(NoticeKind.INFO, "Info")),
            "");
    Document doc = section.ownerDocument();
    for (Element element : doc.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertFalse(attribute.getKey().toLowerCase().startsWith("on"), element.outerHtml());
        assertFalse(attribute.getKey().equalsIgnoreCase("style"), element.outerHtml());
        assertFalse(
            attribute.getValue().trim().toLowerCase().startsWith("javascript:"),
            element.outerHtml());
      }
    }
    assertTrue(doc.select("style, img").isEmpty());
    for (Element script : doc.select("script")) {
      assertTrue(script.hasAttr("src") && script.data().isEmpty(), script.outerHtml());
    }
    assertEquals(XSS, section.getElementById("irev-reg-lastName").val());
    assertEquals(XSS, section.getElementById("irev-reg-lastName-erreur").text());
    assertEquals("csrf-value", section.selectFirst("input[type=hidden][name=csrf]").val());
    Element error = section.selectFirst("p.irev-notice--error");
    assertEquals("alert", error.attr("role"));
    assertEquals(XSS, error.text());
    assertFalse(error.hasAttr("tabindex"), "focus goes to the invalid field, not the notice");
    assertEquals("status", section.selectFirst("p.irev-notice--info").attr("role"));
  }

  @Test
  void blankFormIsTheSameEveryTime() {
    String first = section(FormState.BLANK).outerHtml();
    String second = section(FormState.BLANK).outerHtml();
    assertEquals(first, second);
    assertFalse(first.contains("autofocus"));
  }

  @Test
  void headingLevelStaysBetweenTwoAndSix() {
    RegistrationEvent event = event(1, RegistrationFields.NONE);
    Document doc = new Document("");
    assertEquals(
        "h2",
        RegistrationHtml.section(doc, event, false, FormState.BLANK, List.of(), "", List.of(), 1)
            .child(0)
            .tagName());
    assertEquals(
        "h6",
        RegistrationHtml.section(doc, event, false, FormState.BLANK, List.of(), "", List.of(), 9)
            .child(0)
            .tagName());
    Element closed =
        RegistrationHtml.section(
            doc,
            event,
            false,
            FormState.BLANK,
            List.of(new Notice(NoticeKind.INFO, "Cet événement est passé.")),
            "",
            List.of(),
            3);
    assertNull(closed.selectFirst("form"));
    assertEquals("Cet événement est passé.", closed.selectFirst("p.irev-notice").text());
    assertEquals("-1", closed.selectFirst("p.irev-notice").attr("tabindex"));
  }

  @Test
  void pageIsFrenchWithOneHeading() {
    Document doc =
        RegistrationHtml.page(
            "Annulation\u00a0: " + XSS, event(1, ALL).item(), "/actualites/x", "");
    assertEquals("fr", doc.selectFirst("html").attr("lang"));
    assertEquals(1, doc.select("h1").size());
    assertEquals("Annulation\u00a0: " + XSS, doc.selectFirst("h1").wholeText());
    assertEquals("Annulation\u00a0: " + XSS + " – IREV", doc.selectFirst("title").wholeText());
    assertTrue(doc.select("img").isEmpty());
    assertEquals("contenu", RegistrationHtml.main(doc).id());
    assertEquals("#contenu", doc.selectFirst("a.irev-skip").attr("href"));
    assertEquals(
        RegistrationForm.NAME_MAX + "",
        RegistrationHtml.section(
                doc, event(1, ALL), true, FormState.BLANK, List.of(), "", List.of(), 2)
            .selectFirst("input[name=lastName]")
            .attr("maxlength"));
  }

  /** The line under the heading shows the event's title as its page does: no-break spaces. */
  @Test
  void pageShowsTheTitleWithFrenchSpaces() {
    Document doc = RegistrationHtml.page("Inscription", event(1, ALL).item(), "/actualites/x", "");
    Element line = doc.selectFirst("p.irev-registration__event");
    assertEquals(
        "Journée «\u00a0Quartiers & discriminations\u00a0» — ",
        line.textNodes().get(0).getWholeText());
    assertEquals("2031-06-12T09:00:00+02:00", line.selectFirst("time").attr("datetime"));
  }

  /** The answer pages have the site's banner (with the link to the list) and footer. */
  @Test
  void pageHasTheSiteFrame() {
    Document doc =
        RegistrationHtml.page("Inscription", event(1, ALL).item(), "/actualites/x", "/site");
    List<Element> body = doc.body().children();
    assertEquals(
        List.of("a.irev-skip", "header.irev-banner", "main.irev-container", "footer.irev-footer"),
        body.stream().map(e -> e.tagName() + "." + e.className().split(" ")[0]).toList());
    assertEquals("/site/", doc.selectFirst("header a.irev-banner__site").attr("href"));
    assertEquals("IREV", doc.selectFirst("header a.irev-banner__site").text());
    Element nav = doc.selectFirst("header nav.irev-nav");
    assertEquals("Navigation principale", nav.attr("aria-label"));
    assertEquals(List.of("/site/actualites"), nav.select("a").eachAttr("href"));
    assertEquals(List.of("Actualités"), nav.select("a").eachText());
    assertEquals(
        "IREV – Institut régional de la ville, Hauts-de-France",
        doc.selectFirst("footer.irev-footer p").text());
    assertEquals(
        List.of("/actualites/x"), RegistrationHtml.main(doc).select("a[href]").eachAttr("href"));
    assertEquals(
        "/site/.resources/irev-news/webresources/js/registration.js",
        doc.selectFirst("head script").attr("src"));
    assertEquals(1, doc.select("main").size());
  }

  /** A consent text typed by the staff gets the French no-break spaces. */
  @Test
  void consentTextTypedByTheStaffGetsNoBreakSpaces() {
    RegistrationFields fields =
        new RegistrationFields(
            false, false, false, false, false, false, "J’accepte : oui !", null, null);
    Element section = section(event(1, fields), FormState.BLANK, List.of(), "");
    assertEquals(
        "J’accepte\u00a0: oui\u00a0!",
        section
            .selectFirst("label[for=" + RegistrationHtml.fieldId(RegistrationForm.CONSENT) + "]")
            .textNodes()
            .get(0)
            .getWholeText());
  }
}
