/**
 * The Magnolia adapter: the only package that imports {@code info.magnolia.*}. Built against the
 * Magnolia 6.4 BOM with {@code mvn -Pmagnolia}, and in the default build against the stand-ins of
 * {@code src/magnolia-standins/java} (same signatures, never packaged).
 */
package fr.irev.news.magnolia;
