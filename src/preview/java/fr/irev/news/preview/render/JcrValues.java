package fr.irev.news.preview.render;

import freemarker.template.SimpleDate;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/** Turns JCR property values into Freemarker values, as Magnolia's content map exposes them. */
final class JcrValues {

  private JcrValues() {}

  /**
   * @param property a property
   * @return a string, number, date-time or boolean; a sequence of those for a multi-valued
   *     property; {@code null} for a binary (not exposed, as in Magnolia)
   * @throws TemplateModelException when the repository cannot read the value
   */
  static TemplateModel toModel(Property property) throws TemplateModelException {
    try {
      if (property.getType() == PropertyType.BINARY) {
        return null;
      }
      if (!property.isMultiple()) {
        return toModel(property.getValue());
      }
      SimpleSequence list = new SimpleSequence(property.getValues().length, null);
      for (Value value : property.getValues()) {
        list.add(toModel(value));
      }
      return list;
    } catch (RepositoryException e) {
      throw new TemplateModelException("Cannot read JCR property: " + e.getMessage(), e);
    }
  }

  private static TemplateModel toModel(Value value) throws RepositoryException {
    return switch (value.getType()) {
      case PropertyType.BOOLEAN ->
          value.getBoolean() ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
      case PropertyType.LONG -> new SimpleNumber(value.getLong());
      case PropertyType.DOUBLE -> new SimpleNumber(value.getDouble());
      case PropertyType.DECIMAL -> new SimpleNumber(value.getDecimal());
      case PropertyType.DATE ->
          new SimpleDate(value.getDate().getTime(), TemplateDateModel.DATETIME);
      default -> new SimpleScalar(value.getString());
    };
  }
}
