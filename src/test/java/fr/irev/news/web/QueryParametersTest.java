package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void decodesUtf8PercentEscapesAndPlus() {
    QueryParameters p = QueryParameters.parse("nom=%C3%89lise+Dupont&ville=Lille%20Sud&vide=&seul");
    assertEquals("Élise Dupont", p.first("nom"));
    assertEquals("Lille Sud", p.first("ville"));
    assertEquals("", p.first("vide"));
    assertEquals("", p.first("seul"));
    assertNull(p.first("absent"));
    assertNull(p.all("absent"));
    assertNull(p.first(null));
  }

  @Test
  void skipsOnlyThePairsWithAnInvalidPercentEscape() {
    QueryParameters p =
        QueryParameters.parse("thematique=discrimination&x=%ZZ&y=%&z=%4&%G1=1&page=2&a=%2");
    assertEquals("discrimination", p.first("thematique"));
    assertEquals("2", p.first("page"));
    assertEquals(Map.of("thematique", List.of("discrimination"), "page", List.of("2")), p.asMap());
  }

  @Test
  void invalidUtf8ReadsAsReplacementCharacterAndNeverThrows() {
    QueryParameters p = QueryParameters.parse("thematique=%FF&x=%C3%28&y=%C3&page=1");
    assertEquals("\uFFFD", p.first("thematique"));
    assertEquals("\uFFFD(", p.first("x"));
    assertEquals("\uFFFD", p.first("y"));
    assertEquals("1", p.first("page"));
  }

  @Test
  void keepsEveryValueInOrderAcrossQueryStrings() {
    QueryParameters p = QueryParameters.parse("item=seed", null, "item=x&item=%ZZ&item=y&&=z");
    assertEquals("seed", p.first("item"));
    assertArrayEquals(new String[] {"seed", "x", "y"}, p.all("item"));
    assertEquals(List.of("item"), List.copyOf(p.asMap().keySet()));
    assertTrue(QueryParameters.parse((String) null).asMap().isEmpty());
    assertTrue(QueryParameters.parse("").asMap().isEmpty());
  }

  @Test
  void rawNonAsciiAndOnlyAsciiHexDigits() {
    assertEquals("été", QueryParameters.decode("été"));
    assertEquals("😀 ok", QueryParameters.decode("😀+ok"));
    assertNull(QueryParameters.decode("%\u0663\u0663"));
    assertNull(QueryParameters.decode("%ＡＡ"));
    assertEquals("%", QueryParameters.decode("%25"));
    assertEquals("a+b", QueryParameters.decode("a%2Bb"));
  }
}
