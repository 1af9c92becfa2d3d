package nl.passend.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import nl.passend.api.model.CountBreakdownDto;
import nl.passend.api.model.GapReportDto;
import nl.passend.api.model.GapRowDto;
import nl.passend.api.model.WaitingRowDto;

/**
 * Writes the gap report for spreadsheets ({@code Accept: text/csv}): one long table of
 * {@code part,youthRegion,careType,minSecurityLevel,measure,value} rows, one per published figure, ready for a
 * pivot table. The values are the protected ones of the JSON report.
 */
@Component
class GapReportCsv extends AbstractHttpMessageConverter<GapReportDto> {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    @JsonPropertyOrder({"part", "youthRegion", "careType", "minSecurityLevel", "measure", "value"})
    record Row(String part, String youthRegion, String careType, String minSecurityLevel, String measure,
            String value) {
    }

    /** Quotes only what needs it, so that codes read as they are. */
    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private final CsvSchema schema = csv.schemaFor(Row.class).withHeader();

    GapReportCsv() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return GapReportDto.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected GapReportDto readInternal(Class<? extends GapReportDto> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("The gap report is not read from CSV", input);
    }

    /** UTF-8 named in the content type, and a file name for the spreadsheet that says which period it covers. */
    @Override
    protected void addDefaultHeaders(HttpHeaders headers, GapReportDto report, @Nullable MediaType contentType)
            throws IOException {
        super.addDefaultHeaders(headers, report, contentType);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("gap-report-" + report.getFrom() + "-" + report.getUntil() + ".csv").build());
    }

    @Override
    protected void writeInternal(GapReportDto report, HttpOutputMessage output) throws IOException {
        csv.writer(schema).writeValues(output.getBody()).writeAll(rows(report)).close();
    }

    static List<Row> rows(GapReportDto report) {
        List<Row> rows = new ArrayList<>();
        for (GapRowDto gap : report.getUnmet()) {
            String level = gap.getMinSecurityLevel().getValue();
            rows.add(new Row("unmet", gap.getYouthRegion(), gap.getCareType(), level, "unplaced", gap.getUnplaced()));
            gap.getByReason().forEach((reason, count) ->
                    rows.add(new Row("unmet", gap.getYouthRegion(), gap.getCareType(), level, "reason:" + reason, count)));
            gap.getByUrgency().forEach((urgency, count) ->
                    rows.add(new Row("unmet", gap.getYouthRegion(), gap.getCareType(), level, "urgency:" + urgency,
                            count)));
            if (gap.getMedianDaysWaiting() != null) {
                rows.add(new Row("unmet", gap.getYouthRegion(), gap.getCareType(), level, "medianDaysWaiting",
                        gap.getMedianDaysWaiting().toString()));
                rows.add(new Row("unmet", gap.getYouthRegion(), gap.getCareType(), level, "p90DaysWaiting",
                        gap.getP90DaysWaiting().toString()));
            }
        }
        for (WaitingRowDto waited : report.getWaitedLong()) {
            rows.add(new Row("waitedLong", waited.getYouthRegion(), waited.getCareType(), "",
                    "longerThan" + report.getWaitingLongerThanDays() + "Days", waited.getReferrals()));
        }
        breakdown(rows, "declines", "reason:", report.getDeclines());
        breakdown(rows, "endedEarly", "endReason:", report.getEndedEarly());
        return rows;
    }

    private static void breakdown(List<Row> rows, String part, String prefix, CountBreakdownDto breakdown) {
        rows.add(new Row(part, "", "", "", "total", breakdown.getTotal()));
        for (Map.Entry<String, String> cell : breakdown.getByCode().entrySet()) {
            rows.add(new Row(part, "", "", "", prefix + cell.getKey(), cell.getValue()));
        }
    }
}
