package fr.irev.news.templating;

/**
 * The built-in registration of an event, for FTL ({@code irevfn.registration(…)}).
 *
 * <p>The form is the same markup as the registration servlet's answers ({@code
 * fr.irev.news.registration.web.RegistrationHtml}): built element by element, every value escaped,
 * nothing per visitor (the page is cached).
 */
public final class RegistrationView {

  private final String formHtml;
  private final boolean open;

  RegistrationView(String formHtml, boolean open) {
    this.formHtml = formHtml;
    this.open = open;
  }

  /**
   * @return the {@code <section id="inscription">} element: the form when registrations are open,
   *     otherwise why they are closed; output with {@code ?no_esc}
   */
  public String getFormHtml() {
    return formHtml;
  }

  /**
   * @return whether registrations were open when the page was rendered (the registration servlet
   *     decides again on each post)
   */
  public boolean isOpen() {
    return open;
  }

  /**
   * @return the in-page address of the section, {@code #inscription}
   */
  public String getUrl() {
    return "#" + fr.irev.news.registration.web.RegistrationHtml.SECTION_ID;
  }
}
