package fr.irev.news.news;

/**
 * Where an event takes place. Each part may be {@code null}.
 *
 * @param name name of the venue ("IREV")
 * @param address street address
 * @param commune commune name ("Lille")
 */
public record Place(String name, String address, String commune) {

  /**
   * @return whether no part is given
   */
  public boolean isEmpty() {
    return name == null && address == null && commune == null;
  }
}
