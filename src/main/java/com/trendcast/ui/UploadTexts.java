package com.trendcast.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;

/** The upload component's own texts (buttons, progress, errors) in the user's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static void apply(Upload upload, Component view) {
        UploadI18N i18n = new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(view.getTranslation("upload.addFiles.one"))
                        .setMany(view.getTranslation("upload.addFiles.many")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(view.getTranslation("upload.dropFiles.one"))
                        .setMany(view.getTranslation("upload.dropFiles.many")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(view.getTranslation("upload.error.tooManyFiles"))
                        .setFileIsTooBig(view.getTranslation("upload.error.fileIsTooBig"))
                        .setIncorrectFileType(view.getTranslation("upload.error.incorrectFileType")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(view.getTranslation("upload.status.connecting"))
                                .setStalled(view.getTranslation("upload.status.stalled"))
                                .setProcessing(view.getTranslation("upload.status.processing"))
                                .setHeld(view.getTranslation("upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(view.getTranslation("upload.remaining.prefix"))
                                .setUnknown(view.getTranslation("upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(view.getTranslation("upload.failed.serverUnavailable"))
                                .setUnexpectedServerError(view.getTranslation("upload.failed.unexpected"))
                                .setForbidden(view.getTranslation("upload.failed.forbidden"))))
                .setFile(new UploadI18N.File()
                        .setRetry(view.getTranslation("upload.file.retry"))
                        .setStart(view.getTranslation("upload.file.start"))
                        .setRemove(view.getTranslation("upload.file.remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
    }
}
