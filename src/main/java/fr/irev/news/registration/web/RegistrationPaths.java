package fr.irev.news.registration.web;

import fr.irev.news.registration.RegistrationService;

/**
 * Addresses of the registration servlet, relative to the web application's context path. The
 * servlet is mapped at {@value #PREFIX}{@code *} in {@code magnolia-module.xml}.
 */
public final class RegistrationPaths {

  /** Prefix of every address: {@code POST /.irev-news/registration/<eventId>} posts the form. */
  public static final String PREFIX = "/.irev-news/registration/";

  /** {@code GET /.irev-news/registration/<eventId>/places}: seats left as JSON. */
  public static final String SEATS_SUFFIX = "/places";

  /**
   * {@code GET /.irev-news/registration/annulation?jeton=…} shows the cancellation page; {@code
   * POST} with the same {@code jeton} cancels.
   */
  public static final String CANCEL = RegistrationService.CANCEL_PATH.substring(PREFIX.length());

  /** Parameter of the signed cancellation token. */
  public static final String CANCEL_TOKEN = RegistrationService.CANCEL_TOKEN;

  private RegistrationPaths() {}
}
