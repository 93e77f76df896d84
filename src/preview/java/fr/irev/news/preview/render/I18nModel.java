package fr.irev.news.preview.render;

import fr.irev.news.preview.lightmodule.Messages;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.List;

/**
 * Magnolia's {@code i18n} FTL object: {@code i18n['key']} is the message (the key itself when
 * missing) and {@code i18n.get('key', [arg, …])} formats it with {@link java.text.MessageFormat}.
 */
final class I18nModel implements TemplateHashModel {

  private final Messages messages;

  I18nModel(Messages messages) {
    this.messages = messages;
  }

  @Override
  public TemplateModel get(String key) {
    if ("get".equals(key)) {
      return (TemplateMethodModelEx) this::format;
    }
    return new SimpleScalar(messages.get(key));
  }

  private Object format(List<?> args) throws TemplateModelException {
    if (args.isEmpty() || !(args.get(0) instanceof TemplateScalarModel key)) {
      throw new TemplateModelException("i18n.get(key, [args]) needs a key");
    }
    List<Object> values = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      Object arg = args.get(i);
      if (arg instanceof TemplateSequenceModel sequence) {
        for (int j = 0; j < sequence.size(); j++) {
          values.add(unwrap(sequence.get(j)));
        }
      } else {
        values.add(unwrap((TemplateModel) arg));
      }
    }
    return new SimpleScalar(messages.format(key.getAsString(), values.toArray()));
  }

  private static Object unwrap(TemplateModel model) throws TemplateModelException {
    if (model instanceof TemplateNumberModel number) {
      return number.getAsNumber();
    }
    return model == null ? "" : DeepUnwrap.unwrap(model);
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
