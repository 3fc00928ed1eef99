package fr.usinesouvertes.events.organiser;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The options the organisers' commands share, as picocli mixins: the edition's year and the CSV file to write. */
final class OrganiserOptions {

    private OrganiserOptions() {
    }

    /** {@code --edition YEAR}, four digits. */
    static final class Edition {

        @Option(names = "--edition", required = true, paramLabel = "YEAR", converter = Year.class,
                description = "The edition's year, e.g. 2026")
        int year;
    }

    /** {@code --to FILE.csv}. */
    static final class CsvFile {

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        @Option(names = "--to", paramLabel = "FILE.csv", description = "The CSV file to write (UTF-8, for Excel)")
        Path to;

        /**
         * The file; checked here rather than with {@code required = true} so that the message shows an example, as
         * the organisers' guide does.
         */
        Path required() {
            if (to == null) {
                throw new ParameterException(command.commandLine(),
                        "--to needs the CSV file to write, e.g. --to inscriptions.csv");
            }
            return to;
        }
    }

    static final class Year implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            if (!value.matches("\\d{4}")) {
                throw new TypeConversionException("--edition needs a year, e.g. --edition 2026 (not '" + value + "')");
            }
            return Integer.parseInt(value);
        }
    }
}
