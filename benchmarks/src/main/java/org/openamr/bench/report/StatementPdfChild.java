package org.openamr.bench.report;

import com.lowagie.text.pdf.PdfReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportFile;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.ReportPeriod;
import org.openamr.server.report.ReportRequest;
import org.openamr.server.report.Reports;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.security.AccessScope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PDF half of {@link StatementBenchmark}, run by it in a JVM of its own with a small {@code -Xmx}: starts the
 * server on the benchmark's database (given in {@code SPRING_DATASOURCE_*}), makes the statement PDF of what the
 * service company {@code args[0]} sees, and prints its size and pages and the heap: used after a full GC before
 * and after, the peak of every heap pool while the report was made (garbage included), and the most the old
 * generation held after any collection during it (live data). Exits with 1 when the report fails (out of memory).
 */
public final class StatementPdfChild {

    private StatementPdfChild() {
    }

    public static void main(String[] args) throws Exception {
        long serviceOrg = Long.parseLong(args[0]);
        int expectedApartments = Integer.parseInt(args[1]);
        Path home = Files.createTempDirectory("openamr-statement-pdf");
        ConfigurableApplicationContext server = new SpringApplicationBuilder(OpenAmrServer.class)
                .run(StatementBenchmark.serverArguments("--openamr.data-dir=" + home));
        int status = 0;
        try {
            Reports reports = server.getBean(Reports.class);
            ReportRequest request = new ReportRequest(ReportKind.STATEMENT, null,
                    ReportPeriod.month(StatementBenchmark.MONTH), HeatUnit.GCAL, Locale.forLanguageTag("ru"));
            AccessScope scope = new AccessScope.ServiceCompany("bench", serviceOrg);
            // once to load classes and fonts, then measured
            reports.make(request, ReportFormat.PDF, RenderOptions.DEFAULT, scope);
            long before = usedAfterGc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcBefore = gcCount();
            AFTER_GC_MAX.set(0);
            listen();
            long start = System.nanoTime();
            ReportFile pdf = reports.make(request, ReportFormat.PDF, RenderOptions.DEFAULT, scope);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long gcs = gcCount() - gcBefore;
            long peak = 0;
            long liveMax = AFTER_GC_MAX.get();
            StringBuilder pools = new StringBuilder();
            for (MemoryPoolMXBean p : heap) {
                peak += p.getPeakUsage().getUsed();
                pools.append(String.format(Locale.ROOT, "%s%s %.1f", pools.isEmpty() ? "" : ", ", p.getName(),
                        p.getPeakUsage().getUsed() / 1048576.0));
            }
            long after = usedAfterGc();
            int pages;
            try (PdfReader reader = new PdfReader(pdf.content())) {
                pages = reader.getNumberOfPages();
            }
            System.out.printf(Locale.ROOT, "%s: %,d bytes, %d pages, %,d apartments asked, made in %d ms, %d GCs%n",
                    pdf.fileName(), pdf.content().length, pages, expectedApartments, ms, gcs);
            System.out.printf(Locale.ROOT, "heap: max %.0f MB; used after full GC %.1f MB before, %.1f MB after "
                            + "(the PDF's bytes still held); peak of heap pools while making it %.1f MB (%s); "
                            + "most used right after any collection while making it %.1f MB%n",
                    Runtime.getRuntime().maxMemory() / 1048576.0, before / 1048576.0, after / 1048576.0,
                    peak / 1048576.0, pools, liveMax / 1048576.0);
        } catch (OutOfMemoryError e) {
            System.out.println("OUT OF MEMORY: " + e.getMessage());
            status = 1;
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(status);
    }

    /** The most heap in use right after any collection since {@link #listen}: live data plus what survived. */
    private static final AtomicLong AFTER_GC_MAX = new AtomicLong();
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    private static void listen() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                AFTER_GC_MAX.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
