package com.example.smsconsole;

import com.example.smsconsole.aws.AwsTarget;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The application shell: a side navigation built from the views' {@code @Menu} annotations (only
 * the views the signed-in user may open appear), the AWS target in the header, and a user menu with
 * sign-out.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    final SideNav nav = new SideNav();
    final Span viewTitle = new Span();
    final MenuBar userMenu = new MenuBar();
    private final AuthenticationContext authenticationContext;

    MainLayout(AuthenticationContext authenticationContext, AwsTarget awsTarget) {
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(nav), userMenu());
        addToNavbar(true, header(awsTarget));
        nav.addClassName("console-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
    }

    private Component brand() {
        var icon = new Icon(VaadinIcon.COMMENT_ELLIPSIS_O);
        icon.addClassName("brand-icon");
        var name = new Span("SMS console");
        name.addClassName("brand-name");
        var brand = new HorizontalLayout(icon, name);
        brand.addClassName("brand");
        brand.setAlignItems(FlexComponent.Alignment.CENTER);
        return brand;
    }

    private Component header(AwsTarget awsTarget) {
        viewTitle.addClassName("view-title");
        viewTitle.setVisible(false);
        var target = new Span(awsTarget.describe());
        target.addClassNames("aws-target", awsTarget.emulated() ? "aws-target-emulated" : "aws-target-real");
        target.getElement().setAttribute("title", "Where this console's AWS calls go");
        var header = new HorizontalLayout(new DrawerToggle(), viewTitle, target);
        header.addClassName("console-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(viewTitle);
        return header;
    }

    private static SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    private Component userMenu() {
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("user-menu");
        authenticationContext.getAuthenticatedUser(UserDetails.class).ifPresent(user -> {
            var avatar = new Avatar(user.getUsername());
            avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
            String roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .map(a -> a.replaceFirst("^ROLE_", "")).sorted().collect(Collectors.joining(", "));
            var label = new Div(new Span(user.getUsername()), roleSpan(roles));
            label.addClassName("user-label");
            var root = userMenu.addItem(new HorizontalLayout(avatar, label));
            root.getSubMenu().addItem("Sign out", e -> authenticationContext.logout());
        });
        return userMenu;
    }

    private static Span roleSpan(String roles) {
        var span = new Span(roles);
        span.addClassName("user-roles");
        return span;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // The views carry their own headings; the navbar title is for the collapsed (narrow) layout.
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
        viewTitle.setVisible(isOverlay());
    }
}
