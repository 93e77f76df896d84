package fr.irev.news.templating;

import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.attachment.PdfInfo;
import fr.irev.news.format.FrenchSizes;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.jcr.References;
import fr.irev.news.news.Attachment;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationRules;
import fr.irev.news.registration.web.RegistrationHtml;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.Term;
import fr.irev.news.taxonomy.TermRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

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
            TermRepository.thematics(context.session(TaxonomyNodes.THEMATICS_WORKSPACE)),
            item.thematicIds(),
            SiteUrls.THEMATIC_PARAMETER,
            footnotes);
    List<TermView> territories =
        terms(
            TermRepository.territories(context.session(TaxonomyNodes.TERRITORIES_WORKSPACE)),
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
    if (item.isEvent() && item.identifier() != null) {
      Optional<Node> node =
          References.resolve(
              context.session(NewsNodes.WORKSPACE), item.identifier(), NewsNodes.NODE_TYPE);
      Optional<RegistrationEvent> event =
          node.isPresent() ? RegistrationEvent.of(node.get(), item) : Optional.empty();
      if (event.isPresent()
          && RegistrationRules.closedReason(event.get().settings(), Instant.now()) == null) {
        return absoluteUrl + "#" + RegistrationHtml.SECTION_ID;
      }
    }
    return item.registrationUrl();
  }

  Optional<AttachmentView> attachment(
      Attachment attachment, String pagePath, Footnotes footnotes, int thumbnailWidth)
      throws RepositoryException {
    DamAssets dam = new DamAssets(context.session(DamNodes.WORKSPACE));
    Optional<DamAsset> found = dam.find(attachment.assetLink());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DamAsset asset = found.get();
    PdfInfo pdf = null;
    if (asset.isPdf()) {
      Instant modified = asset.lastModified() == null ? null : asset.lastModified().toInstant();
      pdf = services.pdfInfo().get(asset.identifier(), modified, asset.size(), dam.source(asset));
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

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private List<TermView> terms(
      TermRepository repository, List<String> ids, String parameter, Footnotes footnotes)
      throws RepositoryException {
    List<TermView> views = new ArrayList<>();
    for (String id : ids) {
      Optional<Term> term = repository.findById(id);
      if (term.isEmpty()) {
        continue;
      }
      List<TermView> ancestors = new ArrayList<>();
      for (Term ancestor : repository.ancestors(term.get())) {
        ancestors.add(termView(ancestor, parameter, footnotes, List.of()));
      }
      views.add(termView(term.get(), parameter, footnotes, ancestors));
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
}
