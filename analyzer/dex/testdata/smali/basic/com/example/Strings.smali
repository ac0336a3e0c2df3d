.class public Lcom/example/Strings;
.super Ljava/lang/Object;

.method public static all()V
    .registers 1
    const-string v0, "隐私政策"
    const-string v0, "caf\u00e9"
    const-string v0, "smile \ud83d\ude00"
    const-string v0, "nul\u0000inside"
    const-string v0, ""
    return-void
.end method
