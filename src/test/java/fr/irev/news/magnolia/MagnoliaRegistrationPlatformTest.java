package fr.irev.news.magnolia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import info.magnolia.cms.beans.config.ServerConfiguration;
import info.magnolia.objectfactory.Components;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links in e-mails come from the configured address only, never from a request's Host. */
class MagnoliaRegistrationPlatformTest {

  private final ServerConfiguration server = new ServerConfiguration();

  @BeforeEach
  void register() {
    Components.standInRegister(ServerConfiguration.class, server);
  }

  @AfterEach
  void unregister() {
    Components.standInRegister(ServerConfiguration.class, null);
  }

  @Test
  void siteUrlIsTheConfiguredAddressWithoutTrailingSlash() {
    server.setDefaultBaseUrl(" https://www.irev.fr/ ");
    assertEquals("https://www.irev.fr", new MagnoliaRegistrationPlatform().siteUrl());
  }

  @Test
  void withoutConfigurationThereIsNoAddressAtAll() {
    server.setDefaultBaseUrl(null);
    assertEquals("", new MagnoliaRegistrationPlatform().siteUrl());
    server.setDefaultBaseUrl("   ");
    assertEquals("", new MagnoliaRegistrationPlatform().siteUrl());
  }
}
