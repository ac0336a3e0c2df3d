.class public Lcom/example/Main;
.super Landroid/app/Activity;
.implements Ljava/lang/Runnable;
.implements Lcom/example/Listener;
.source "Main.java"

.field private static sCount:I
.field private tm:Landroid/telephony/TelephonyManager;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method public run()V
    .registers 8
    iget-object v0, p0, Lcom/example/Main;->tm:Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v1
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    const-string v2, "imei"
    const-string/jumbo v3, "jumbo string"
    invoke-static {v2, v1}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I
    sget v4, Lcom/example/Main;->sCount:I
    add-int/lit8 v4, v4, 0x1
    sput v4, Lcom/example/Main;->sCount:I
    const-wide v5, 0x123456789abcdefL
    invoke-static/range {v0 .. v6}, Lcom/example/Main;->many(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;IJ)V
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    return-void
.end method

.method public static many(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;IJ)V
    .registers 7
    return-void
.end method

.method public onEvent(Ljava/lang/String;)V
    .registers 6
    invoke-interface {p0, p1}, Lcom/example/Listener;->onEvent(Ljava/lang/String;)V
    return-void
.end method

.method public switches(I)I
    .registers 5
    packed-switch p1, :pswitch_data
    sparse-switch p1, :sswitch_data
    if-eqz p1, :tail
    const/4 v0, 0x3
    new-array v0, v0, [S
    fill-array-data v0, :array_data
    const-string v1, "after payloads"
    :try_start
    invoke-static {v1}, Ljava/lang/Integer;->parseInt(Ljava/lang/String;)I
    move-result v2
    :try_end
    .catch Ljava/lang/NumberFormatException; {:try_start .. :try_end} :handler
    return v2
    :handler
    move-exception v3
    invoke-virtual {v3}, Ljava/lang/Throwable;->printStackTrace()V
    :pswitch_0
    :pswitch_1
    :sswitch_0
    const/4 v0, 0x0
    return v0

    :pswitch_data
    .packed-switch 0x0
        :pswitch_0
        :pswitch_1
    .end packed-switch

    :sswitch_data
    .sparse-switch
        0x64 -> :sswitch_0
        0x3e8 -> :sswitch_0
    .end sparse-switch

    :array_data
    .array-data 2
        0x6es
        0x0s
        0x0s
    .end array-data

    :tail
    const-string v0, "after payloads"
    const-string v0, "tail"
    return v0
.end method

.method private rangeInterface()V
    .registers 9
    iget-object v0, p0, Lcom/example/Main;->tm:Landroid/telephony/TelephonyManager;
    invoke-interface/range {v0 .. v8}, Lcom/example/Listener;->wide(IIIIIIII)V
    new-instance v1, Lcom/example/Main$Inner;
    invoke-direct {v1, p0}, Lcom/example/Main$Inner;-><init>(Lcom/example/Main;)V
    return-void
.end method
