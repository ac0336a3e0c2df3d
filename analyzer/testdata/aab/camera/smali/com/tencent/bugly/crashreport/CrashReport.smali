.class public Lcom/tencent/bugly/crashreport/CrashReport;
.super Ljava/lang/Object;

.method public static initCrashReport(Landroid/content/Context;)V
    .registers 1
    return-void
.end method
