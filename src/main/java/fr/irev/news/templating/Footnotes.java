package fr.irev.news.templating;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers the links of a page for its printed version, where each link is followed by {@code [n]}
 * and the full addresses are listed at the end (as the seed page prints). Not thread-safe: one
 * instance per rendered view.
 */
final class Footnotes {

  private final List<FootnoteView> notes = new ArrayList<>();

  /**
   * @param absoluteUrl the link's full address
   * @param label what the link is, for the list
   * @return the number given to the link, from 1
   */
  int add(String absoluteUrl, String label) {
    int number = notes.size() + 1;
    notes.add(new FootnoteView(number, absoluteUrl, label));
    return number;
  }

  /**
   * @return the number the next {@link #add} will give, from 1
   */
  int next() {
    return notes.size() + 1;
  }

  /**
   * @return the notes so far, in number order
   */
  List<FootnoteView> list() {
    return List.copyOf(notes);
  }
}
