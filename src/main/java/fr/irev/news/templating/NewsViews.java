package fr.irev.news.templating;

import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.attachment.PdfInfo;
import fr.irev.news.format.FrenchSizes;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.jcr.References;
import fr.irev.news.news.Attachment;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsMapper;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationRules;
import fr.irev.news.registration.web.RegistrationHtml;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.Term;
import fr.irev.news.taxonomy.TermRepository;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Builds the views of one request from records: resolves terms and DAM assets, numbers links for
 * print. Terms or assets that no longer exist are left out (a deleted thematic does not break the
 * page).
 */
final class NewsViews {

  private final ContentContext context;
  private final AttachmentServices services;
  private final SiteUrls urls;

  NewsViews(ContentContext context, AttachmentServices services) {
    this.context = context;
    this.services = services;
    this.urls = new SiteUrls(context);
  }

  NewsSummaryView summary(NewsItem item) {
    return new NewsSummaryView(item, urls.item(item.urlName()));
  }

  NewsItemView detail(NewsItem item) throws RepositoryException {
    Footnotes footnotes = new Footnotes();
    String absoluteUrl = urls.absolute(urls.item(item.urlName()));
    int registration =
        item.registrationUrl() == null ? 0 : footnotes.add(item.registrationUrl(), "S'inscrire");
    String body = RichText.sanitize(item.body(), context.siteUrl(), footnotes);
    List<AttachmentView> attachments = new ArrayList<>();
    for (Attachment attachment : item.attachments()) {
      attachment(
              attachment,
              urls.item(item.urlName()),
              footnotes,
              AttachmentView.DEFAULT_THUMBNAIL_WIDTH)
          .ifPresent(attachments::add);
    }
    List<TermView> thematics =
        terms(
            TaxonomyNodes.THEMATICS_WORKSPACE,
            TermRepository::thematics,
            item.thematicIds(),
            SiteUrls.THEMATIC_PARAMETER,
            footnotes);
    List<TermView> territories =
        terms(
            TaxonomyNodes.TERRITORIES_WORKSPACE,
            TermRepository::territories,
            item.territoryIds(),
            SiteUrls.TERRITORY_PARAMETER,
            footnotes);
    return new NewsItemView(
        item,
        urls.item(item.urlName()),
        absoluteUrl,
        body,
        registration,
        thematics,
        territories,
        attachments,
        footnotes.list(),
        new NewsItemView.PageData(
            item.isEvent() ? urls.eventCalendar(item.urlName()) : null,
            StructuredData.of(
                item, absoluteUrl, context.siteUrl(), registrationTarget(item, absoluteUrl))));
  }

  /**
   * Where the page's "S'inscrire" leads, as the event summary decides it: the built-in form's
   * section while its registrations are open, else the item's registration address.
   *
   * @return an absolute address, or {@code null} when the page has no registration link
   */
  private String registrationTarget(NewsItem item, String absoluteUrl) throws RepositoryException {
    Optional<RegistrationEvent> event = registrationEvent(item);
    if (event.isPresent()
        && RegistrationRules.closedReason(event.get().settings(), Instant.now()) == null) {
      return absoluteUrl + "#" + RegistrationHtml.SECTION_ID;
    }
    return item.registrationUrl();
  }

  /**
   * The built-in registration of an item already read, its node reached by identifier; kept while
   * the news workspace is unchanged ({@link ContentContext#kept}).
   *
   * @return empty when the item is not an event, has no identifier, no longer exists or has no
   *     usable built-in registration
   */
  Optional<RegistrationEvent> registrationEvent(NewsItem item) throws RepositoryException {
    if (!item.isEvent() || item.identifier() == null) {
      return Optional.empty();
    }
    return context.kept(
        NewsNodes.WORKSPACE,
        new RegistrationOfItem(item.identifier()),
        () -> {
          Optional<Node> node =
              References.resolve(
                  context.session(NewsNodes.WORKSPACE), item.identifier(), NewsNodes.NODE_TYPE);
          // the item read again with the node: the caller's may be from before a save, and the
          // value is kept under the revision current now
          return node.isPresent()
              ? RegistrationEvent.of(node.get(), NewsMapper.read(node.get()))
              : Optional.empty();
        });
  }

  Optional<AttachmentView> attachment(
      Attachment attachment, String pagePath, Footnotes footnotes, int thumbnailWidth)
      throws RepositoryException {
    String link = attachment.assetLink();
    Optional<DamAsset> found =
        context.kept(
            DamNodes.WORKSPACE,
            new AssetByLink(link),
            () -> new DamAssets(context.session(DamNodes.WORKSPACE)).find(link));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DamAsset asset = found.get();
    PdfInfo pdf = null;
    if (asset.isPdf()) {
      Instant modified = asset.lastModified() == null ? null : asset.lastModified().toInstant();
      pdf = services.pdfInfo().get(asset.identifier(), modified, asset.size(), source(asset));
    }
    String title = firstOf(attachment.title(), pdf == null ? null : pdf.title(), asset.title());
    title = FrenchTypography.spaces(title == null ? asset.fileName() : title);
    String downloadUrl = urls.download(asset.identifier(), asset.fileName());
    int width = services.limits().servedWidth(thumbnailWidth);
    String thumbnail =
        pdf != null && pdf.isRenderable()
            ? urls.thumbnail(asset.identifier(), width, asset.lastModified())
            : null;
    return Optional.of(
        new AttachmentView(
            new AttachmentView.FileFacts(
                title,
                FrenchTypography.spaces(attachment.description()),
                asset.fileName(),
                FrenchSizes.format(asset.mimeType()),
                asset.size(),
                asset.size() < 0 ? "taille inconnue" : FrenchSizes.bytes(asset.size()),
                pdf),
            downloadUrl,
            urls.bookmarkHelp(pagePath),
            footnotes.add(urls.absolute(downloadUrl), title),
            new AttachmentView.Thumb(thumbnail, width)));
  }

  /**
   * The asset's bytes, through a session opened only if they are read (a PDF not yet inspected).
   */
  private BinarySource source(DamAsset asset) {
    return () -> {
      Session dam;
      try {
        dam = context.session(DamNodes.WORKSPACE);
      } catch (RepositoryException e) {
        throw new IOException("Cannot open the DAM to read asset " + asset.identifier(), e);
      }
      return new DamAssets(dam).source(asset).open();
    };
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private List<TermView> terms(
      String workspace,
      Function<Session, TermRepository> taxonomy,
      List<String> ids,
      String parameter,
      Footnotes footnotes)
      throws RepositoryException {
    List<TermView> views = new ArrayList<>();
    for (String id : ids) {
      Optional<TermPath> found =
          context.kept(
              workspace,
              new TermWithAncestors(id),
              () -> {
                TermRepository repository = taxonomy.apply(context.session(workspace));
                Optional<Term> term = repository.findById(id);
                return term.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                        new TermPath(term.get(), List.copyOf(repository.ancestors(term.get()))));
              });
      if (found.isEmpty()) {
        continue;
      }
      List<TermView> ancestors = new ArrayList<>();
      for (Term ancestor : found.get().ancestors()) {
        ancestors.add(termView(ancestor, parameter, footnotes, List.of()));
      }
      views.add(termView(found.get().term(), parameter, footnotes, ancestors));
    }
    return views;
  }

  private TermView termView(
      Term term, String parameter, Footnotes footnotes, List<TermView> ancestors) {
    String url =
        urls.list()
            + "?"
            + parameter
            + "="
            + URLEncoder.encode(term.name(), StandardCharsets.UTF_8);
    return new TermView(
        term.name(), term.title(), url, footnotes.add(urls.absolute(url), term.title()), ancestors);
  }

  /**
   * Key of {@link #registrationEvent}: the item's identifier (the value reads the item again from
   * the node, at the revision it is kept under).
   */
  private record RegistrationOfItem(String identifier) {}

  /** Key of a DAM asset found by its link. */
  private record AssetByLink(String link) {}

  /** Key of a term and its ancestors found by identifier. */
  private record TermWithAncestors(String identifier) {}

  /** A term and its ancestors, root first. */
  private record TermPath(Term term, List<Term> ancestors) {}
}
