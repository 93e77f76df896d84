/**
 * Benchmark programs of the PDF attachments (plain {@code main} classes, never run by {@code mvn
 * verify}); how to run them and the latest results: {@code docs/benchmarks.md}.
 *
 * <pre>
 * InspectBench     goal 1: PdfInspector.inspect vs the pdfinfo process, per file
 * ThumbnailBench   goal 2: ThumbnailRenderer.renderFirstPage vs the pdftoppm process, same width
 * ServeBench       goal 3: cached thumbnail vs same-size static file, req/s on the preview's Jetty
 * ServeDiagnosis   goal 3: cost of the servlet's JCR session over HTTP, its steps in process
 * LargePdfBench    goal 4: a ~200 MB image-heavy PDF inspected and thumbnailed with -Xmx128m
 * LargePdfChild    the child JVM of LargePdfBench
 * LoopbackLoad     keep-alive HTTP load over loopback (wrk, else Java sockets)
 * WrkBenchmark     issue 6: detail and filtered list pages vs same-size static files, wrk -c50
 * WrkOutput        what one wrk run printed: rate, latency distribution, errors, bytes read
 * Bench            samples, percentiles, external processes, Markdown tables
 * </pre>
 */
package fr.irev.news.bench;
