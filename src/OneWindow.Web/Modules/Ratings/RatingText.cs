using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ratings;

public static class RatingText
{
    public static string Of(RatingLevel level) => Text.Translate(level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.Fair => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
    });

    public static string Of(RectificationStatus status) => Text.Translate(status switch
    {
        RectificationStatus.None => "无需整改",
        RectificationStatus.Open => "待整改",
        RectificationStatus.Rectified => "已整改",
        RectificationStatus.AppealPending => "申诉待审核",
        RectificationStatus.AppealUpheld => "申诉成立",
    });
}
