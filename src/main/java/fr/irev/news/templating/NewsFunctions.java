package fr.irev.news.templating;

import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.jcr.References;
import fr.irev.news.news.Attachment;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsMapper;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsRepository;
import fr.irev.news.news.UrlNames;
import fr.irev.news.registration.Decision;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationRules;
import fr.irev.news.registration.web.CommuneNames;
import fr.irev.news.registration.web.FormState;
import fr.irev.news.registration.web.RegistrationHtml;
import fr.irev.news.registration.web.RegistrationHtml.Notice;
import fr.irev.news.registration.web.RegistrationHtml.NoticeKind;
import fr.irev.news.taxonomy.TaxonomyNodes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The templating functions of the module, available in FTL as {@code irevfn} (registered as a
 * context attribute of Magnolia's Freemarker renderer; see docs/magnolia-contract.md). Every method
 * accepts raw request values: malformed input gives {@code null} or a French notice, never an
 * exception. Repository failures are server faults and raise {@link ContentAccessException}.
 */
public class NewsFunctions {

  private final ContentContext context;
  private final AttachmentServices attachments;
  private final SiteUrls urls;

  /**
   * @param context access to the current request's content; PDF inspection and thumbnails use the
   *     webapp's shared {@link AttachmentServices}
   */
  public NewsFunctions(ContentContext context) {
    this(context, AttachmentServices.shared());
  }

  /**
   * @param context access to the current request's content
   * @param attachments PDF inspection and thumbnail services
   */
  public NewsFunctions(ContentContext context, AttachmentServices attachments) {
    this.context = context;
    this.attachments = attachments;
    this.urls = new SiteUrls(context);
  }

  /**
   * @param urlName URL name from the request, may be {@code null} or malformed
   * @return the item for its detail page, or {@code null} when there is none with that name
   */
  public NewsItemView item(String urlName) {
    return detail(
        () ->
            context.kept(
                NewsNodes.WORKSPACE,
                new ItemByUrlName(urlName),
                () -> repository().findByUrlName(urlName)));
  }

  /**
   * @param identifier JCR identifier (as stored by a link field), may be {@code null}
   * @return the item, or {@code null} when absent
   */
  public NewsItemView itemById(String identifier) {
    return detail(
        () ->
            context.kept(
                NewsNodes.WORKSPACE,
                new ItemById(identifier),
                () -> repository().findById(identifier)));
  }

  /**
   * Marks the page being rendered as "not found" (HTTP 404); the template then shows its own French
   * message.
   *
   * @return an empty string, so that FTL can print the call
   */
  public String notFound() {
    context.setStatus(404);
    return "";
  }

  /**
   * One page of the news list, newest first.
   *
   * @param page page number from the request (from 1), may be {@code null} or malformed
   * @param thematique slug of a thematic filter, may be {@code null}
   * @param territoire slug of a territory filter, may be {@code null}
   * @return the page, never {@code null}
   */
  public ListingView listing(String page, String thematique, String territoire) {
    try {
      return new Listings(context, new NewsViews(context, attachments))
          .page(page, thematique, territoire);
    } catch (RepositoryException e) {
      throw new ContentAccessException("Could not list news items", e);
    }
  }

  /**
   * One page of the news list with every filter (plain GET parameters, see {@link ListingQuery}).
   *
   * @param page page number, may be {@code null} or malformed
   * @param thematique thematic node name, may be {@code null}
   * @param territoire territory node name (any level), may be {@code null}
   * @param type {@code actualite} or {@code evenement}, may be {@code null}
   * @param periode {@code a-venir}, {@code passes} or {@code AAAA-MM}, may be {@code null}
   * @param q full-text words, may be {@code null}
   * @return the page with its facets, never {@code null}
   */
  public ListingView listing(
      String page, String thematique, String territoire, String type, String periode, String q) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put(SiteUrls.THEMATIC_PARAMETER, thematique);
    parameters.put(SiteUrls.TERRITORY_PARAMETER, territoire);
    parameters.put(ListingQuery.TYPE_PARAMETER, type);
    parameters.put(ListingQuery.PERIOD_PARAMETER, periode);
    parameters.put(ListingQuery.TEXT_PARAMETER, q);
    try {
      return new Listings(context, new NewsViews(context, attachments)).page(page, parameters::get);
    } catch (RepositoryException e) {
      throw new ContentAccessException("Could not list news items", e);
    }
  }

  /**
   * A file card for the {@code pdf-attachment} component.
   *
   * @param damLink DAM link ({@code jcr:<identifier>}), may be {@code null}
   * @param title the staff's title, may be {@code null} (the asset's title is used then)
   * @param description short description, may be {@code null}
   * @return the card, or {@code null} when the asset does not exist
   */
  public AttachmentView attachment(String damLink, String title, String description) {
    return attachment(damLink, title, description, AttachmentView.DEFAULT_THUMBNAIL_WIDTH);
  }

  /**
   * A file card with a thumbnail of the given width (the component definition's {@code
   * parameters.thumbnailWidth}).
   *
   * @param damLink DAM link ({@code jcr:<identifier>}), may be {@code null}
   * @param title the staff's title, may be {@code null}
   * @param description short description, may be {@code null}
   * @param thumbnailWidth width in CSS pixels, clamped to the limits of {@link AttachmentServices}
   * @return the card, or {@code null} when the asset does not exist
   */
  public AttachmentView attachment(
      String damLink, String title, String description, int thumbnailWidth) {
    if (damLink == null || damLink.isBlank()) {
      return null;
    }
    try {
      return new NewsViews(context, attachments)
          .attachment(
              new Attachment(damLink, blankToNull(title), blankToNull(description)),
              null,
              new Footnotes(),
              thumbnailWidth)
          .orElse(null);
    } catch (RepositoryException e) {
      throw new ContentAccessException("Could not read DAM asset " + damLink, e);
    }
  }

  /**
   * @return address of the light module's web resources, e.g. {@code
   *     /.resources/irev-news/webresources}
   */
  public String resourcesUrl() {
    return urls.path(SiteUrls.RESOURCES_PATH);
  }

  /**
   * @param path site path starting with {@code /}
   * @return the path with the context path in front
   */
  public String link(String path) {
    return urls.path(path == null ? "/" : path);
  }

  /**
   * The page the bookmark help page was opened for.
   *
   * @param path value of the {@code retour} GET parameter: a path of this site; may be {@code null}
   *     or anything a visitor typed
   * @return the page's address and full address, or {@code null} when {@code path} is not a path of
   *     this site (never a link to another site)
   */
  public ReturnLinkView returnLink(String path) {
    String local = SiteUrls.localPath(path);
    return local == null ? null : new ReturnLinkView(local, urls.absolute(local));
  }

  /**
   * @return address of the news list
   */
  public String listUrl() {
    return urls.list();
  }

  /**
   * The built-in registration form of an event, for the {@code event-registration} component and
   * the detail page.
   *
   * @param urlName the item's URL name (or JCR identifier, as a link field stores it), may be
   *     {@code null} or malformed
   * @return the view, or {@code null} when there is no such item or it has no usable built-in
   *     registration
   */
  public RegistrationView registration(String urlName) {
    try {
      return registrationView(
          context.kept(
              NewsNodes.WORKSPACE,
              new RegistrationByReference(urlName),
              () -> {
                Session session = context.session(NewsNodes.WORKSPACE);
                Optional<Node> node =
                    UrlNames.isValid(urlName)
                        ? References.findByLocalName(session, NewsNodes.NODE_TYPE, urlName)
                        : References.resolve(session, urlName, NewsNodes.NODE_TYPE);
                return node.isEmpty()
                    ? Optional.<RegistrationEvent>empty()
                    : RegistrationEvent.of(node.get(), NewsMapper.read(node.get()));
              }));
    } catch (RepositoryException e) {
      throw new ContentAccessException("Could not read the registration of a news item", e);
    }
  }

  /**
   * The built-in registration form of the item a page has already loaded (the detail page, after
   * {@link #item(String)}): the same view as {@link #registration(String)}, without a second query
   * for the item nor a second read of its fields (its node is reached by identifier).
   *
   * @param item the page's item, may be {@code null}
   * @return the view, or {@code null} when {@code item} is {@code null}, no longer exists or has no
   *     usable built-in registration
   */
  public RegistrationView itemRegistration(NewsItemView item) {
    if (item == null || item.item().identifier() == null) {
      return null;
    }
    try {
      return registrationView(new NewsViews(context, attachments).registrationEvent(item.item()));
    } catch (RepositoryException e) {
      throw new ContentAccessException("Could not read the registration of a news item", e);
    }
  }

  private RegistrationView registrationView(Optional<RegistrationEvent> event)
      throws RepositoryException {
    if (event.isEmpty()) {
      return null;
    }
    Decision.Closed closed = RegistrationRules.closedReason(event.get().settings(), Instant.now());
    Document owner = new Document("");
    Element section =
        RegistrationHtml.section(
            owner,
            event.get(),
            closed == null,
            FormState.BLANK,
            closed == null ? List.of() : List.of(new Notice(NoticeKind.INFO, closed.message())),
            context.contextPath(),
            event.get().fields().askCommune()
                ? context.kept(
                    TaxonomyNodes.TERRITORIES_WORKSPACE,
                    new Communes(),
                    () ->
                        List.copyOf(
                            CommuneNames.of(context.session(TaxonomyNodes.TERRITORIES_WORKSPACE))))
                : List.of(),
            2);
    return new RegistrationView(section.outerHtml(), closed == null);
  }

  private NewsRepository repository() throws RepositoryException {
    return new NewsRepository(context.session(NewsNodes.WORKSPACE));
  }

  private NewsItemView detail(Lookup lookup) {
    try {
      Optional<NewsItem> item = lookup.find();
      return item.isEmpty() ? null : new NewsViews(context, attachments).detail(item.get());
    } catch (RepositoryException e) {
      throw new ContentAccessException("Could not read a news item", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @FunctionalInterface
  private interface Lookup {
    Optional<NewsItem> find() throws RepositoryException;
  }

  /** Key of an item found by JCR identifier (as a link field stores it). */
  private record ItemById(String identifier) {}

  /** Key of an item found by URL name (as the request gave it). */
  private record ItemByUrlName(String urlName) {}

  /** Key of a built-in registration found by URL name or identifier. */
  private record RegistrationByReference(String reference) {}

  /** Key of the communes' names offered by registration forms. */
  private record Communes() {}
}
