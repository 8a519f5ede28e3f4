package com.trendcast.admin.ui;

import com.trendcast.audit.AuditService;
import com.trendcast.common.export.ExportTable;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.ui.ExportLinks;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest extends KaribuSpringTest {

    @Autowired
    private AuditService audit;
    @Autowired
    private UserService users;

    @Test
    void theFilteredLogExportsWithFormulaTextNeutralised() {
        String user = "audited-" + UUID.randomUUID();
        audit.record(user, "dataset.import", "=HYPERLINK(\"http://evil\",\"x\")");
        audit.record(user, "dataset.delete", "Dataset 7");
        audit.record("someone-else-" + UUID.randomUUID(), "dataset.import", "not selected");
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("admin/audit");

        _get(TextField.class, spec -> spec.withId("audit-user")).setValue(user);
        ExportTable table = _get(AuditView.class).exportTable();

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows()).extracting(row -> row.get(2)).containsExactlyInAnyOrder("dataset.import",
                "dataset.delete");
        String csv = new String(ExportLinks.bytes(table, ExportLinks.Format.CSV),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"").doesNotContain("not selected");
        assertThat(_get(Anchor.class, spec -> spec.withId("audit-export-xlsx")).getElement().getAttribute("download"))
                .isNotNull();
    }
}
