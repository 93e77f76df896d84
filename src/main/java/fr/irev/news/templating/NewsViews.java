package fr.irev.news.templating;

import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.format.FrenchSizes;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.Attachment;
import fr.irev.news.news.NewsItem;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.Term;
import fr.irev.news.taxonomy.TermRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * Builds the views of one request from records: resolves terms and DAM assets, numbers links for
 * print. Terms or assets that no longer exist are left out (a deleted thematic does not break the
 * page).
 */
final class NewsViews {

  private final ContentContext context;
  private final SiteUrls urls;

  NewsViews(ContentContext context) {
    this.context = context;
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
      attachment(attachment, absoluteUrl, footnotes).ifPresent(attachments::add);
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
        footnotes.list());
  }

  Optional<AttachmentView> attachment(Attachment attachment, String pageUrl, Footnotes footnotes)
      throws RepositoryException {
    Optional<DamAsset> found =
        new DamAssets(context.session(DamNodes.WORKSPACE)).find(attachment.assetLink());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DamAsset asset = found.get();
    String title =
        attachment.title() != null
            ? attachment.title()
            : asset.title() != null ? asset.title() : asset.fileName();
    String downloadUrl = urls.asset(asset.identifier(), asset.fileName());
    return Optional.of(
        new AttachmentView(
            FrenchTypography.spaces(title),
            FrenchTypography.spaces(attachment.description()),
            asset.fileName(),
            FrenchSizes.format(asset.mimeType()),
            asset.size(),
            FrenchSizes.bytes(asset.size()),
            downloadUrl,
            pageUrl,
            footnotes.add(urls.absolute(downloadUrl), title)));
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
