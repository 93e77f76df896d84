package fr.irev.news.preview.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Freemarker configuration of the preview, close to Magnolia's: templates are found by their
 * {@code templateScript} below the light-modules folder ({@code /irev-news/templates/x.ftl}),
 * square or angle bracket syntax as the file says, UTF-8, French locale, {@code Europe/Paris}.
 *
 * <p>Hardened: no {@code ?api}, no {@code ?new} of arbitrary classes, templates cannot leave the
 * light-modules folder. A template error is logged at WARN (template, line, message: never a stack
 * trace) and rethrown, so that the renderer answers with the French error page. No output format is
 * forced: as in Magnolia, escaping comes from each file's {@code [#ftl output_format="HTML"]}.
 */
public final class FreemarkerFactory {

  private static final Logger LOG = LoggerFactory.getLogger(FreemarkerFactory.class);

  private FreemarkerFactory() {}

  /**
   * @param lightModules the light-modules folder (it must exist)
   * @return a new configuration; templates are re-read at most once a second when they change
   * @throws IOException when the folder does not exist or cannot be read
   */
  public static Configuration create(Path lightModules) throws IOException {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
    cfg.setTemplateLoader(new FileTemplateLoader(lightModules.toFile()));
    cfg.setTagSyntax(Configuration.AUTO_DETECT_TAG_SYNTAX);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setURLEscapingCharset("UTF-8");
    cfg.setLocale(Locale.FRANCE);
    cfg.setTimeZone(TimeZone.getTimeZone("Europe/Paris"));
    cfg.setTemplateUpdateDelayMilliseconds(1000);
    cfg.setTemplateExceptionHandler(new LoggingRethrowHandler());
    cfg.setAttemptExceptionReporter(
        (e, env) -> LOG.debug("Recovered #attempt: {}", e.getMessageWithoutStackTop()));
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.SAFER_RESOLVER);
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    return cfg;
  }

  /** Logs a template error once (WARN, no stack trace) and rethrows it. */
  private static final class LoggingRethrowHandler implements TemplateExceptionHandler {
    @Override
    public void handleTemplateException(
        TemplateException te, freemarker.core.Environment env, Writer out)
        throws TemplateException {
      LOG.warn(
          "Template error in '{}' line {}: {}",
          te.getTemplateSourceName(),
          te.getLineNumber(),
          te.getMessageWithoutStackTop());
      throw te;
    }
  }
}
