.class public Lcom/example/Poly;
.super Ljava/lang/Object;

.method public static call(Ljava/lang/invoke/MethodHandle;Ljava/lang/String;)V
    .registers 3
    invoke-polymorphic {p0, p1}, Ljava/lang/invoke/MethodHandle;->invoke([Ljava/lang/Object;)Ljava/lang/Object;, (Ljava/lang/String;)V
    invoke-polymorphic/range {p0 .. p1}, Ljava/lang/invoke/MethodHandle;->invokeExact([Ljava/lang/Object;)Ljava/lang/Object;, (Ljava/lang/String;)V
    const-method-handle v0, invoke-static@Ljava/lang/Integer;->toString(I)Ljava/lang/String;
    invoke-custom {p1}, call_site_0("run", (Ljava/lang/String;)V, "extra")@Lcom/example/Poly;->boot(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)Ljava/lang/invoke/CallSite;
    invoke-custom/range {p0 .. p1}, call_site_1("run2", (Ljava/lang/invoke/MethodHandle;Ljava/lang/String;)V)@Lcom/example/Poly;->boot2(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;
    return-void
.end method
