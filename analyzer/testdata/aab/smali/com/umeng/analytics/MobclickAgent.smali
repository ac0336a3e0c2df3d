.class public Lcom/umeng/analytics/MobclickAgent;
.super Ljava/lang/Object;

.method public static onEvent(Landroid/content/Context;Ljava/lang/String;)V
    .registers 2
    return-void
.end method
