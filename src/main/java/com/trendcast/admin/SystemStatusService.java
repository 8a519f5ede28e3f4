package com.trendcast.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Database, storage and JVM facts for the admin's system page. */
@Service
public class SystemStatusService {

    private final DataSource dataSource;
    private final Path uploadsDir;

    SystemStatusService(DataSource dataSource, @Value("${trendcast.uploads-dir}") String uploadsDir) {
        this.dataSource = dataSource;
        this.uploadsDir = Path.of(uploadsDir).toAbsolutePath().normalize();
    }

    public record SystemStatus(String databaseProduct, String databaseUrl, String uploadsDir, long uploadsFreeBytes,
                               String javaVersion, long heapUsedBytes, long heapMaxBytes) {
    }

    public SystemStatus status() {
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            url = meta.getURL();
        } catch (SQLException e) {
            product = "unavailable: " + e.getMessage();
            url = "";
        }
        long free;
        try {
            free = Files.getFileStore(Files.exists(uploadsDir) ? uploadsDir : uploadsDir.getRoot()).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        Runtime runtime = Runtime.getRuntime();
        return new SystemStatus(product, url, uploadsDir.toString(), free, Runtime.version().toString(),
                runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
    }
}
