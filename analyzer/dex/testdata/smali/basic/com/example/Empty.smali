.class public final Lcom/example/Empty;
.super Ljava/lang/Object;
