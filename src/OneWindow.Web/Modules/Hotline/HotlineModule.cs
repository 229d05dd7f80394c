using OneWindow.Domain;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Hotline.Report;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 12345 热线: work orders from the call to the callback (docs/domain.md §9, ADR 0023). The center's desk and queues
/// (hotline operators), the units' inbox (a department's staff), the public form, tracking and rating.
/// </summary>
public static class HotlineModule
{
    /// <summary>The queues and the overdue as the supervision center sees them: the center's operators, leaders and supervisors.</summary>
    public const string OversightPolicy = "HotlineOversight";

    public static IServiceCollection AddHotline(this IServiceCollection services) =>
        services.AddAuthorization(o => o.AddPolicy(OversightPolicy, p => p.RequireRole(StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor)))
            .AddSingleton<HotlineSettings>()
            .AddScoped<ActOnWorkOrder>().AddScoped<RegisterWorkOrder>().AddScoped<TrackWorkOrder>().AddScoped<RateWorkOrderOnline>()
            .AddScoped<AnswerWorkOrder>().AddScoped<ReferWorkOrder>().AddScoped<RefuseWorkOrder>().AddScoped<MergeWorkOrder>().AddScoped<DispatchWorkOrder>()
            .AddScoped<SignWorkOrder>().AddScoped<ReturnWorkOrder>().AddScoped<RuleOnReturn>().AddScoped<ContactCaller>().AddScoped<AddProgress>()
            .AddScoped<ContributeToWorkOrder>().AddScoped<RequestExtension>().AddScoped<DecideExtension>().AddScoped<ReplyToWorkOrder>().AddScoped<ReviewReply>()
            .AddScoped<CallBack>().AddScoped<ReopenWorkOrder>().AddScoped<CloseWorkOrder>().AddScoped<WorkOrderDeskRows>().AddScoped<TellCallers>()
            .AddScoped<WorkOrderFiles>().AddScoped<AddWorkOrderFiles>()
            // Supervision of work orders (ADR 0028): the sweep's side, and the watch and alerts at the order's own actions.
            .AddScoped<Supervision.ISupervisedKind, SupervisedWorkOrders>().AddScoped<WatchWorkOrders>()
            .AddSingleton<Supervision.IDashboardPanel, HotlineFigures>()
            .AuthorizePages("/Hotline/Oversight", OversightPolicy)
            // Work orders are sealed records: verify-chains checks them as it checks cases (ADR 0034).
            .AddScoped<ISealedRecordKind, WorkOrderRecords>()
            .AddScoped<ReceiveCall>().AddSingleton<CallSignal>().AddSingleton<DeskCalls>()
            .AddSingleton<PruneCallEvents>().AddHostedService(sp => sp.GetRequiredService<PruneCallEvents>())
            .AuthorizePages("/Hotline/Center", Policies.Hotline)
            // The category editor (诉求分类维护): the center administrator.
            .AddScoped<CreateCategory>().AddScoped<EditCategory>().AddScoped<RetireCategory>()
            .AuthorizePages("/Hotline/Admin", Policies.CenterAdmin)
            .AuthorizePages("/Hotline/Unit", Policies.CaseWork)
            .AuthorizePages("/Hotline/Staff", Policies.HotlineWork)
            .PublicPages("/Hotline/Public")
            // Typical orders (典型工单, ADR 0037): the consent on the order, the public versions the staff write.
            .AddScoped<RecordConsent>().AddScoped<WithdrawConsentOnline>().AddScoped<TypicalOrderHook>()
            .AddScoped<ActOnTypicalOrder>().AddScoped<PublishTypicalOrder>().AddScoped<EditTypicalOrder>().AddScoped<UnpublishTypicalOrder>()
            .AddHotlineReport();

    public static IEndpointRouteBuilder MapHotline(this IEndpointRouteBuilder app)
    {
        HotlineApi.Map(app);
        HotlineCallsApi.Map(app);
        Report.HotlineReportApi.Map(app);
        CategoryAdminApi.Map(app);
        HotlineDesksApi.Map(app);
        TypicalOrdersApi.Map(app);
        WorkOrderFiles.Map(app);
        return app;
    }
}
