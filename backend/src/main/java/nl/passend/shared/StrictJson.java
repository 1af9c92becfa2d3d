package nl.passend.shared;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Reads JSON as strictly as the contract writes it, so that a value the contract does not allow is a 400 naming its
 * field rather than something Jackson quietly made of it: no {@code "1"} for a number, no 1.5 for an integer, no
 * {@code true} for a string, no date-time for a date, no {@code null} inside an array, no item twice in an array
 * whose items are unique (the generator makes those a {@code Set}, which would drop the repeat), no key twice in one
 * object and nothing after the document.
 */
@Component
class StrictJson implements Jackson2ObjectMapperBuilderCustomizer {

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .deserializerByType(LocalDate.class, new Rfc3339Deserializer<>(LocalDate.class, Rfc3339::date,
                        "a date like 2026-12-31"))
                .deserializerByType(OffsetDateTime.class, new Rfc3339Deserializer<>(OffsetDateTime.class,
                        Rfc3339::dateTime, "a date-time like 2026-12-31T09:00:00Z"))
                .postConfigurer(StrictJson::configure);
    }

    private static void configure(ObjectMapper mapper) {
        // A null inside an array or an object's values: the generated item constraints (@Pattern) let it through.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // Each JSON type only for its own kind of value; an empty string is not an absent number either.
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        mapper.registerModule(new SimpleModule("unique-items").setDeserializerModifier(new UniqueItems()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** An array whose items are unique ({@code uniqueItems}) sent with an item twice. */
    static final class RepeatedItemException extends MismatchedInputException {

        private final transient @Nullable String repeated;

        RepeatedItemException(JsonParser parser, @Nullable String repeated) {
            super(parser, "An item appears more than once in an array of unique items", (Class<?>) null);
            this.repeated = repeated;
        }

        /** The first item that appears again, when it is a plain value. */
        @Nullable
        String repeated() {
            return repeated;
        }
    }

    /** Puts a check for repeated items in front of every deserializer of a {@code Set}. */
    private static final class UniqueItems extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return Set.class.isAssignableFrom(type.getRawClass()) ? new UniqueItemsDeserializer(deserializer)
                    : deserializer;
        }
    }

    /** Counts the items as sent, lets the set's own deserializer read them, and refuses if the set came out smaller. */
    private static final class UniqueItemsDeserializer extends DelegatingDeserializer {

        UniqueItemsDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new UniqueItemsDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return super.deserialize(parser, context);
            }
            TokenBuffer items = context.bufferAsCopyOfValue(parser);
            int sent = 0;
            String repeated = null;
            Set<String> seen = new HashSet<>();
            try (JsonParser counting = items.asParserOnFirstToken()) {
                for (JsonToken token = counting.nextToken(); token != JsonToken.END_ARRAY;
                        token = counting.nextToken()) {
                    sent++;
                    if (token.isScalarValue() && !seen.add(counting.getText()) && repeated == null) {
                        repeated = counting.getText();
                    }
                    counting.skipChildren();
                }
            }
            try (JsonParser replay = items.asParserOnFirstToken()) {
                Object read = _delegatee.deserialize(replay, context);
                if (read instanceof Collection<?> set && set.size() < sent) {
                    throw new RepeatedItemException(parser, repeated);
                }
                return read;
            }
        }
    }

    /** A date or date-time only as a string in the exact RFC 3339 form; no numbers, arrays or looser text. */
    private static final class Rfc3339Deserializer<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;
        private final String expected;

        Rfc3339Deserializer(Class<T> type, Function<String, T> parse, String expected) {
            super(type);
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, "must be " + expected);
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
