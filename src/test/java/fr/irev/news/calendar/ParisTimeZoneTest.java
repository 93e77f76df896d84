package fr.irev.news.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The bundled VTIMEZONE is read without ical4j's time-zone updater, whatever its setting. */
class ParisTimeZoneTest {

  private static final String UPDATE = "net.fortuna.ical4j.timezone.update.enabled";

  @Test
  void readingTheDefinitionNeverOpensAConnectionEvenWithUpdatesSwitchedOn() {
    List<URI> attempts = new CopyOnWriteArrayList<>();
    ProxySelector original = ProxySelector.getDefault();
    String setting = System.getProperty(UPDATE);
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            attempts.add(uri);
            throw new IllegalStateException("no network in this test: " + uri);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException e) {}
        });
    System.setProperty(UPDATE, "true");
    try {
      VTimeZone zone = ParisTimeZone.load();

      assertNotNull(zone);
      assertEquals("Europe/Paris", zone.getTimeZoneId().getValue());
      assertTrue(zone.getObservances().size() > 2);
      assertEquals(List.of(), attempts);
    } finally {
      ProxySelector.setDefault(original);
      if (setting == null) {
        System.clearProperty(UPDATE);
      } else {
        System.setProperty(UPDATE, setting);
      }
    }
  }

  @Test
  void eachCallGivesItsOwnCopy() {
    VTimeZone a = ParisTimeZone.vtimezone();
    VTimeZone b = ParisTimeZone.vtimezone();

    assertNotNull(a);
    assertTrue(a != b && a.equals(b));
  }
}
