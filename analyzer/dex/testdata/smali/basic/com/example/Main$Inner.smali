.class Lcom/example/Main$Inner;
.super Ljava/lang/Object;
.source "Main.java"

.field final synthetic this$0:Lcom/example/Main;

.method constructor <init>(Lcom/example/Main;)V
    .registers 2
    iput-object p1, p0, Lcom/example/Main$Inner;->this$0:Lcom/example/Main;
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
