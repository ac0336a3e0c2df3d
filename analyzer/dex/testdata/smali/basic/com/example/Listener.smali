.class public interface abstract Lcom/example/Listener;
.super Ljava/lang/Object;

.method public abstract onEvent(Ljava/lang/String;)V
.end method

.method public abstract wide(IIIIIIII)V
.end method
