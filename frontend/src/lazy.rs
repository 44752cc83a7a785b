//! The screens loaded on demand (Leptos's code splitting). Each `*_area` function below is a
//! split point (`#[lazy]`): `scripts/build-web.sh` cuts the wasm there with `wasm-split-cli`, so
//! the first load holds the application shell, the sign-in form and the member list, and an
//! area's screens (and the code only they use) are fetched from the same server when one of them
//! is first opened (docs/benchmarks.md). A few areas rather than one split point per route:
//! code shared by several split points goes into a chunk per set of users, so fewer points mean
//! fewer, larger files to fetch. Built without the split (the native tests and clippy), an area
//! is a plain call. A new screen gets its route here, in an area (or an area of its own): a
//! route that names its component directly in `app.rs` puts its code in the first load.

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::app::WritersOnly;
use crate::pages;

/// A route whose view is `$area($screen)`, loaded on demand.
macro_rules! lazy_routes {
    ($area:ident: $($(#[$doc:meta])* $route:ident => $screen:expr;)*) => {
        $(
            $(#[$doc])*
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $area($screen).await
                }
            }
        )*
    };
}

/// The screens of the dashboard (`/`), the page a sign-in lands on.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum DashboardScreen {
    /// `/`: the dashboard.
    Dashboard,
}

/// The view of one of the dashboard (`/`), the page a sign-in lands on.
#[lazy]
fn dashboard_area(screen: DashboardScreen) -> AnyView {
    match screen {
        DashboardScreen::Dashboard => view! { <pages::dashboard::Dashboard/> }.into_any(),
    }
}

lazy_routes! {
    dashboard_area:
    /// `/`: the dashboard.
    DashboardRoute => DashboardScreen::Dashboard;
}

/// The screens of a member's page and its tabs, the new-member form and the printed member form.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum MemberScreen {
    /// `/members/new`.
    New,
    /// `/members/:id/print`: the member form on paper.
    Print,
    /// `/members/:id`: the member page around its tabs.
    Page,
    /// The member's dossier tab.
    Dossier,
    /// The member's dossier, edited.
    Edit,
    /// The member's events tab.
    Events,
    /// The member's evaluations tab.
    Evaluations,
    /// The member's cards tab.
    Cards,
    /// The member's badges tab.
    Badges,
    /// The member's transfers tab.
    Transfers,
    /// The member's disciplines tab.
    Disciplines,
    /// The member's actions tab.
    Actions,
    /// The member's year tab: attendance, duties, dues (issue 23).
    Year,
}

/// The view of one of a member's page and its tabs, the new-member form and the printed member form.
#[lazy]
fn member_area(screen: MemberScreen) -> AnyView {
    match screen {
        MemberScreen::New => view! { <pages::member_new::NewMember/> }.into_any(),
        MemberScreen::Print => view! { <pages::member_print::MemberPrintPage/> }.into_any(),
        MemberScreen::Page => view! { <pages::member::MemberPage/> }.into_any(),
        MemberScreen::Dossier => view! { <pages::member::dossier::Dossier/> }.into_any(),
        MemberScreen::Edit => view! { <pages::member::edit::EditDossier/> }.into_any(),
        MemberScreen::Events => view! { <pages::member::history::Events/> }.into_any(),
        MemberScreen::Evaluations => view! { <pages::member::history::Evaluations/> }.into_any(),
        MemberScreen::Cards => view! { <pages::member::cards::CardsTab/> }.into_any(),
        MemberScreen::Badges => view! { <pages::member::history::Badges/> }.into_any(),
        MemberScreen::Transfers => view! { <pages::member::transfers::TransfersTab/> }.into_any(),
        MemberScreen::Disciplines => view! { <pages::member::history::Disciplines/> }.into_any(),
        MemberScreen::Actions => view! { <pages::member::actions::Actions/> }.into_any(),
        MemberScreen::Year => view! { <pages::member::year::YearTab/> }.into_any(),
    }
}

lazy_routes! {
    member_area:
    /// `/members/new`.
    NewMemberRoute => MemberScreen::New;
    /// `/members/:id/print`: the member form on paper.
    MemberPrintRoute => MemberScreen::Print;
    /// `/members/:id`: the member page around its tabs.
    MemberRoute => MemberScreen::Page;
    /// The member's dossier tab.
    DossierRoute => MemberScreen::Dossier;
    /// The member's dossier, edited.
    EditDossierRoute => MemberScreen::Edit;
    /// The member's events tab.
    EventsRoute => MemberScreen::Events;
    /// The member's evaluations tab.
    MemberEvaluationsRoute => MemberScreen::Evaluations;
    /// The member's cards tab.
    CardsRoute => MemberScreen::Cards;
    /// The member's badges tab.
    MemberBadgesRoute => MemberScreen::Badges;
    /// The member's transfers tab.
    MemberTransfersRoute => MemberScreen::Transfers;
    /// The member's disciplines tab.
    DisciplinesRoute => MemberScreen::Disciplines;
    /// The member's actions tab.
    ActionsRoute => MemberScreen::Actions;
    /// The member's year tab.
    MemberYearRoute => MemberScreen::Year;
}

/// The screens of the cell's year (issue 23): the secretary's month, the choice of a cell, the
/// residence cell's liaison members.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum CellYearScreen {
    /// `/cells/month`: choose a cell.
    Chooser,
    /// `/cells/:id/month`: the secretary's month.
    Month,
    /// `/cells/:id/liaisons`: the residence cell's liaison members.
    Liaisons,
}

/// The view of one of the cell's year screens.
#[lazy]
fn cell_year_area(screen: CellYearScreen) -> AnyView {
    match screen {
        CellYearScreen::Chooser => view! { <pages::cell_month::CellChooser/> }.into_any(),
        CellYearScreen::Month => view! { <pages::cell_month::CellMonthPage/> }.into_any(),
        CellYearScreen::Liaisons => view! { <pages::liaisons::LiaisonsPage/> }.into_any(),
    }
}

lazy_routes! {
    cell_year_area:
    /// `/cells/month`: choose a cell.
    CellChooserRoute => CellYearScreen::Chooser;
    /// `/cells/:id/month`: the secretary's month.
    CellMonthRoute => CellYearScreen::Month;
    /// `/cells/:id/liaisons`: the residence cell's liaison members.
    LiaisonsRoute => CellYearScreen::Liaisons;
}

/// The screens of the candidates' pipeline, forms and page, and the admission targets.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum CandidateScreen {
    /// `/candidates`: the pipeline.
    Pipeline,
    /// `/candidates/new`.
    New,
    /// `/candidates/:id`.
    Page,
    /// `/targets`.
    Targets,
}

/// The view of one of the candidates' pipeline, forms and page, and the admission targets.
#[lazy]
fn candidate_area(screen: CandidateScreen) -> AnyView {
    match screen {
        CandidateScreen::Pipeline => view! { <pages::candidates::Pipeline/> }.into_any(),
        CandidateScreen::New => view! { <pages::candidates::NewCandidate/> }.into_any(),
        CandidateScreen::Page => view! { <pages::candidate::CandidatePage/> }.into_any(),
        CandidateScreen::Targets => view! { <pages::targets::TargetsPage/> }.into_any(),
    }
}

lazy_routes! {
    candidate_area:
    /// `/candidates`: the pipeline.
    PipelineRoute => CandidateScreen::Pipeline;
    /// `/candidates/new`.
    NewCandidateRoute => CandidateScreen::New;
    /// `/candidates/:id`.
    CandidateRoute => CandidateScreen::Page;
    /// `/targets`.
    TargetsRoute => CandidateScreen::Targets;
}

/// The screens of the organisation board's screens: transfers, evaluations, badges, the tree, the reports.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum BoardScreen {
    /// `/transfers`: the inbox.
    Transfers,
    /// `/evaluations`: the round.
    Evaluations,
    /// `/badges`.
    Badges,
    /// `/organizations`: the tree.
    Organizations,
    /// `/reports`.
    Reports,
    /// `/reports/:code/print`.
    ReportPrint,
}

/// The view of one of the organisation board's screens: transfers, evaluations, badges, the tree, the reports.
#[lazy]
fn board_area(screen: BoardScreen) -> AnyView {
    match screen {
        BoardScreen::Transfers => view! { <pages::transfers::TransferInbox/> }.into_any(),
        BoardScreen::Evaluations => view! { <pages::evaluations::EvaluationRoundPage/> }.into_any(),
        BoardScreen::Badges => view! { <pages::badges::BadgePage/> }.into_any(),
        BoardScreen::Organizations => {
            view! { <pages::organizations::OrganizationTree/> }.into_any()
        }
        BoardScreen::Reports => view! { <pages::reports::ReportsPage/> }.into_any(),
        BoardScreen::ReportPrint => view! { <pages::report_print::ReportPrintPage/> }.into_any(),
    }
}

lazy_routes! {
    board_area:
    /// `/transfers`: the inbox.
    TransfersRoute => BoardScreen::Transfers;
    /// `/evaluations`: the round.
    EvaluationsRoute => BoardScreen::Evaluations;
    /// `/badges`.
    BadgesRoute => BoardScreen::Badges;
    /// `/organizations`: the tree.
    OrganizationsRoute => BoardScreen::Organizations;
    /// `/reports`.
    ReportsRoute => BoardScreen::Reports;
    /// `/reports/:code/print`.
    ReportPrintRoute => BoardScreen::ReportPrint;
}

/// The screens of the writers' screens: the accounts and the workbook import.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum AdminScreen {
    /// `/users`: the accounts (writers only).
    Users,
    /// `/imports`: the workbook import (writers only).
    Imports,
}

/// The view of one of the writers' screens: the accounts and the workbook import.
#[lazy]
fn admin_area(screen: AdminScreen) -> AnyView {
    match screen {
        AdminScreen::Users => {
            view! { <WritersOnly><pages::users::UsersPage/></WritersOnly> }.into_any()
        }
        AdminScreen::Imports => {
            view! { <WritersOnly><pages::imports::ImportPage/></WritersOnly> }.into_any()
        }
    }
}

lazy_routes! {
    admin_area:
    /// `/users`: the accounts (writers only).
    UsersRoute => AdminScreen::Users;
    /// `/imports`: the workbook import (writers only).
    ImportsRoute => AdminScreen::Imports;
}
