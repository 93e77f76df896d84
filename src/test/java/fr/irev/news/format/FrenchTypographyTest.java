package fr.irev.news.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FrenchTypographyTest {

  @Test
  void spacesBeforeHighPunctuationAndInsideGuillemetsDoNotBreak() {
    assertEquals(
        "Discriminations\u00a0: journée du cycle «\u00a0Initier et conduire\u00a0» ; vraiment\u00a0?"
            .replace(" ;", "\u00a0;"),
        FrenchTypography.spaces(
            "Discriminations : journée du cycle « Initier et conduire » ; vraiment ?"));
    assertEquals("Attention\u00a0!", FrenchTypography.spaces("Attention  !"));
  }

  @Test
  void urlsTimesAndMissingSpacesAreLeftAlone() {
    assertEquals("https://irev.fr à 10:50", FrenchTypography.spaces("https://irev.fr à 10:50"));
    assertEquals("«Initier»", FrenchTypography.spaces("«Initier»"));
    assertEquals("", FrenchTypography.spaces(""));
    assertNull(FrenchTypography.spaces(null));
  }

  @Test
  void controlCharactersAreRemovedButTabsAndLineBreaksKept() {
    assertEquals(
        "Forum\tde\nl’exclusion\u00a0!",
        FrenchTypography.spaces("Fo\u0000rum\tde\u0001\nl’exclu\u007fsion\u0085 !"));
    assertEquals("\u00e9t\u00e9 \ufffe", FrenchTypography.spaces("\u00e9t\u00e9 \ufffe"));
  }
}
