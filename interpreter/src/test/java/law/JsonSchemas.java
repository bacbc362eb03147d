package law;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The published JSON Schemas under docs/schema, for tests that check documents against them. */
public final class JsonSchemas {
    private JsonSchemas() {
    }

    /** The path of {@code docs/schema/NAME} (the {@code law.root} system property is the repository). */
    public static Path file(String name) {
        return Path.of(System.getProperty("law.root", "..")).resolve("docs/schema").resolve(name);
    }

    /** The schema {@code docs/schema/NAME} (draft 2020-12). */
    public static Schema load(String name) {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code schema} finds wrong with {@code doc}, one line per error (empty when it is valid). */
    public static List<String> errors(Schema schema, JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(doc)) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }
}
