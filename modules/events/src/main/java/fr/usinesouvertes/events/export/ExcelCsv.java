package fr.usinesouvertes.events.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A CSV file that Excel opens correctly in France: UTF-8 with a byte-order mark, {@code ;} between cells, CRLF line
 * ends, every cell guarded against formula injection ({@link CsvCells}). The organisers' and companies' exports.
 */
public final class ExcelCsv {

    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';').setQuote('"').setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").build();

    private final CSVPrinter printer;

    private ExcelCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts the file with its headers. */
    public static ExcelCsv open(OutputStream out, List<String> headers) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // lets Excel recognise UTF-8
            ExcelCsv csv = new ExcelCsv(new CSVPrinter(writer, FORMAT));
            csv.row(headers);
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvCells::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is buffered (the caller closes the stream). */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
