package fr.irev.news.browser;

import org.openqa.selenium.WebElement;

/**
 * How a visitor acts on a page: the journeys of {@link JourneyTest} are written once against this
 * interface and run twice, with the mouse ({@link MouseVisitor}: clicks) and with the keyboard only
 * ({@link KeyboardVisitor}: Tab, Shift+Tab, Enter, Space and typing, never a click). Finding
 * elements and reading the page is the test's business; only acting on it goes through here.
 * Actions do not wait for a page load: the caller waits when an action navigates ({@link
 * Pages#load}).
 */
public interface Visitor {

  /**
   * @return "souris" or "clavier", for messages and unique names
   */
  String name();

  /**
   * Activates a link or a button (follows the link, submits the form, starts the download).
   *
   * @param control a displayed link or button of the current page
   */
  void activate(WebElement control);

  /**
   * Replaces the value of a text field (input or textarea) by typing {@code text}; a text longer
   * than {@value #TYPED_MAX} characters is pasted instead, as a visitor pastes a long text (one
   * {@code Input.insertText}, which honours {@code maxlength} as typing does), to keep the suite
   * fast.
   *
   * @param field a displayed, enabled text field
   * @param text what to type; {@code ""} leaves the field empty; {@code \n} is a line break
   */
  void fill(WebElement field, String text);

  /** Longest text typed key by key; longer ones are pasted. */
  int TYPED_MAX = 40;

  /**
   * Checks or unchecks a check box.
   *
   * @param box a displayed check box
   * @param checked the wanted state
   */
  void tick(WebElement box, boolean checked);
}
